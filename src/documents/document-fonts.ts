import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts every document is set in. Scripts with a shaping engine that matters legally
 * (Arabic, Persian, Chinese) come from npm packages, so that a deployment renders the same
 * glyphs as the tests; Latin, Cyrillic, Greek and the long tail of scripts come from Debian's
 * fonts-noto-core (also installed in CI). Typst falls back through every loaded font for a
 * glyph the preferred families lack, so CJK inside Latin and Latin inside Arabic always render.
 */
const require = createRequire(import.meta.url);

/**
 * The package's root folder. Font packages differ: some export only an entry point (not
 * package.json), others have no entry point at all.
 */
function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // exports map without package.json: walk up from the entry point.
  }
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function bundledFontFiles(): string[] {
  const sc = join(packageDir('@embedpdf/fonts-sc'), 'fonts');
  const arabic = join(packageDir('@embedpdf/fonts-arabic'), 'fonts');
  const vazir = join(packageDir('vazirmatn'), 'fonts', 'ttf');
  return [
    join(sc, 'NotoSansHans-Regular.otf'),
    join(sc, 'NotoSansHans-Bold.otf'),
    join(arabic, 'NotoNaskhArabic-Regular.ttf'),
    join(arabic, 'NotoNaskhArabic-Bold.ttf'),
    join(vazir, 'Vazirmatn-Regular.ttf'),
    join(vazir, 'Vazirmatn-Bold.ttf'),
  ];
}

/** Debian's Noto directories that exist on this machine (none is fatal: npm fonts still load). */
export function systemFontDirs(): string[] {
  // Not Debian's CJK collections: the npm Chinese font covers them, and they double start-up.
  return ['/usr/share/fonts/truetype/noto'].filter((d) => existsSync(d));
}

export function loadBundledFonts(): Buffer[] {
  return bundledFontFiles().map((f) => readFileSync(f));
}

/** Family names as the font files declare them, used by the templates' fallback lists. */
export const fontFamilies = {
  latin: 'Noto Sans',
  chinese: 'Noto Sans S Chinese',
  arabic: 'Noto Naskh Arabic',
  persian: 'Vazirmatn',
} as const;
