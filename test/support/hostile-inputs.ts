import fc from 'fast-check';

/**
 * Hostile inputs for the API fuzz test (issue #9 point 2): strings that have broken real
 * systems (traversal, injection, control and bidirectional characters, lone surrogates, NUL),
 * out-of-range numbers, prototype-pollution keys and deep nesting, plus a small JSON-Schema
 * sampler so a mutation starts from a body the route would otherwise accept.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
};

export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '/etc/passwd',
  'file:///etc/passwd',
  "' OR '1'='1",
  '1; DROP TABLE cases; --',
  '" OR ""="',
  "'; select pg_sleep(5); --",
  '%',
  '_',
  '%_%',
  '\\',
  '*',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  '\ufeff',
  '\r\nSet-Cookie: pwned=1',
  '\u2028\u2029',
  '🙂'.repeat(300),
  'é'.normalize('NFD').repeat(500),
  '﷽'.repeat(200),
  'x'.repeat(70_000),
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  '0000-01-01',
  '99999-12-31',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  'a'.repeat(65) + '@' + 'b'.repeat(250) + '.example',
  'xn--80ak6aa92e.com',
  'zh-CN\u0000',
];

export const hostileNumbers: readonly number[] = [
  0,
  -1,
  -0,
  0.5,
  -1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** A JSON value nested `depth` levels deep, as text (JSON.stringify would recurse too). */
export function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 40 }) },
);

/** Any JSON value a hostile client might put where something else was expected, as raw text. */
export const hostileJsonArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileStringArb.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers).map((n) => JSON.stringify(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1e309', '-1e309', '1.0e+400', '123456789012345678901234567890'),
  },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '[]', '{}', '[null]', '[{}]') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"prototype":{}}',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(64, 1000, 20_000),
        fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
      )
      .map(([d, k]) => deepNesting(d, k)),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
);

const firstOf = (s: JsonSchema): JsonSchema | undefined =>
  (s.anyOf ?? s.oneOf)?.find((x) => x.type !== 'null') ?? s.allOf?.[0];

/** A plausible value for a schema: the route would likely accept it, so a mutation tests one thing. */
export function sampleFromSchema(s: JsonSchema | undefined, depth = 0): unknown {
  if (!s || depth > 8) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = firstOf(s);
  if (alt) return sampleFromSchema(alt, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || depth === 0) out[k] = sampleFromSchema(v, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
        sampleFromSchema(s.items, depth + 1),
      );
    case 'integer':
      return Math.max(1, s.minimum ?? 1);
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      switch (s.format) {
        case 'email':
          return 'fuzz@test.example';
        case 'uuid':
          return '0b7e6f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
        case 'date':
          return '2026-03-10';
        case 'date-time':
          return '2026-03-10T02:00:00.000Z';
        default:
          return 'x'.repeat(Math.max(1, s.minLength ?? 1));
      }
    default:
      return null;
  }
}

/** Every path to a value inside `v`, so a mutation can replace one field deep in the body. */
export function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  }
  return out;
}

/**
 * Serialises `v` with the value at `path` replaced by the raw JSON text `replacement`
 * (which may be something JSON.stringify could never produce: 1e309, 20,000 brackets).
 */
export function replaceAt(v: unknown, path: (string | number)[], replacement: string): string {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    return `[${v.map((x, i) => (i === head ? replaceAt(x, rest, replacement) : JSON.stringify(x))).join(',')}]`;
  }
  const o = v as Record<string, unknown>;
  return `{${Object.entries(o)
    .map(
      ([k, x]) =>
        `${JSON.stringify(k)}:${k === head ? replaceAt(x, rest, replacement) : JSON.stringify(x)}`,
    )
    .join(',')}}`;
}

/** Adds raw `"key":value` members to the object at `path` (duplicates and pollution keys). */
export function addMembersAt(
  v: unknown,
  path: (string | number)[],
  members: string,
): string | undefined {
  const target = path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)?.[k], v);
  if (!target || typeof target !== 'object' || Array.isArray(target)) return undefined;
  const inner = JSON.stringify(target);
  return replaceAt(v, path, inner === '{}' ? `{${members}}` : `{${members},${inner.slice(1)}`);
}
