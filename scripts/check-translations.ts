/**
 * Fails (exit 1) when the web app's messages are incomplete: a locale lacks a key that zh-CN or en
 * has, a message is not valid ICU, a translation uses placeholders its source does not, or the
 * source code names a static message id that en.json lacks. Runs before every web build and in
 * test/web/check-translations.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

export const webLocales = ['zh-CN', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr'] as const;
const webRoot = fileURLToPath(new URL('../src/web/', import.meta.url));

type Catalogue = Record<string, string>;

/**
 * Each locale's catalogue: `<locale>.json` merged with the area catalogues `<area>/<locale>.json`
 * that lazily loaded screens bring with their chunk (src/web/app/AreaMessages.tsx).
 */
export function loadCatalogues(dir = join(webRoot, 'i18n/messages')): Record<string, Catalogue> {
  const areas = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name));
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
  return Object.fromEntries(
    webLocales.map((l) => [
      l,
      Object.assign(read(join(dir, `${l}.json`)), ...areas.map((a) => read(join(a, `${l}.json`)))),
    ]),
  );
}

/** Argument names a message uses ({name}, {n, plural, …}); `#` inside plurals is not an argument. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(m[1]!);
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Static ids in `id="…"`, `id: '…'` and `formatMessage({ id: '…' })`; template ids are checked at run time. */
export function staticMessageIds(dir = webRoot): Set<string> {
  const ids = new Set<string>();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<Formatted\w+\s+id="([^"]+)"/g)) ids.add(m[1]!);
    for (const m of text.matchAll(/formatMessage\(\{\s*id:\s*'([^'$`]+)'/g)) ids.add(m[1]!);
  }
  return ids;
}

export function findTranslationProblems(catalogues = loadCatalogues()): string[] {
  const problems: string[] = [];
  const reference = new Set([...Object.keys(catalogues['zh-CN']!), ...Object.keys(catalogues.en!)]);
  for (const locale of webLocales) {
    const cat = catalogues[locale]!;
    for (const key of reference) {
      if (!(key in cat)) problems.push(`${locale}: missing "${key}"`);
    }
    for (const [key, message] of Object.entries(cat)) {
      if (typeof message !== 'string' || message.trim() === '') {
        problems.push(`${locale}: "${key}" is empty`);
        continue;
      }
      try {
        new IntlMessageFormat(message, locale);
      } catch (e) {
        problems.push(`${locale}: "${key}" is not valid ICU: ${(e as Error).message}`);
        continue;
      }
      const source = catalogues.en![key];
      if (source !== undefined) {
        const extra = argumentsOf(message).filter((a) => !argumentsOf(source).includes(a));
        if (extra.length)
          problems.push(`${locale}: "${key}" uses unknown placeholders ${extra.join(', ')}`);
      }
    }
  }
  for (const id of staticMessageIds()) {
    if (!(id in catalogues.en!)) problems.push(`source: message id "${id}" is not in en.json`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = findTranslationProblems();
  if (problems.length) {
    console.error(`Translation check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `Translations complete: ${webLocales.length} locales, ${Object.keys(loadCatalogues().en!).length} keys.`,
  );
}
