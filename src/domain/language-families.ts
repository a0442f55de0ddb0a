import { createRequire } from 'node:module';

/**
 * ISO 639-5 language families from CLDR's languageGroups (package cldr-core), never a
 * hand-made table. A language's family is its nearest enclosing group.
 */
const require = createRequire(import.meta.url);
const groups: Record<string, string> = (
  require('cldr-core/supplemental/languageGroups.json') as {
    supplemental: { languageGroups: Record<string, string> };
  }
).supplemental.languageGroups;

const parentOf = new Map<string, string>();
for (const [group, members] of Object.entries(groups)) {
  for (const m of members.split(' ')) {
    // 'mul' (multiple languages) is the root; any real group is a better parent.
    if (!parentOf.has(m) || parentOf.get(m) === 'mul') parentOf.set(m, group);
  }
}

/** The nearest ISO 639-5 group of a language, or undefined for isolates such as Korean. */
export function familyOf(language: string): string | undefined {
  const base = language.toLowerCase().split(/[-_]/)[0]!;
  const p = parentOf.get(base);
  return p && p !== 'mul' ? p : undefined;
}

/** The chain of groups above a language, nearest first (ru → zle, sla, ine). */
export function ancestorsOf(language: string): string[] {
  const out: string[] = [];
  let cur = parentOf.get(language.toLowerCase().split(/[-_]/)[0]!);
  while (cur && cur !== 'mul' && !out.includes(cur)) {
    out.push(cur);
    cur = parentOf.get(cur);
  }
  return out;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** True for ISO 639 codes that Intl knows by name (rejects made-up codes like `xx`). */
export function isKnownLanguage(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  try {
    const name = languageNames.of(code);
    return !!name && name !== code;
  } catch {
    return false;
  }
}
