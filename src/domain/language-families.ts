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

/**
 * Names of the ISO 639-5 groups the roster and incoming cases use. Intl.DisplayNames has no
 * names for ISO 639-5 group codes (it echoes `sem`), so these are translated here, per locale.
 * A group missing from this table is shown by its code.
 */
const familyNames: Record<string, Record<string, string>> = {
  sem: {
    en: 'Semitic languages',
    'zh-CN': '闪米特语族',
    ar: 'اللغات السامية',
    ru: 'семитские языки',
    es: 'lenguas semíticas',
    fr: 'langues sémitiques',
    fa: 'زبان‌های سامی',
    tr: 'Sami dilleri',
  },
  ira: {
    en: 'Iranian languages',
    'zh-CN': '伊朗语族',
    ar: 'اللغات الإيرانية',
    ru: 'иранские языки',
    es: 'lenguas iranias',
    fr: 'langues iraniennes',
    fa: 'زبان‌های ایرانی',
    tr: 'İrani diller',
  },
  inc: {
    en: 'Indo-Aryan languages',
    'zh-CN': '印度-雅利安语支',
    ar: 'اللغات الهندية الآرية',
    ru: 'индоарийские языки',
    es: 'lenguas indoarias',
    fr: 'langues indo-aryennes',
    fa: 'زبان‌های هندوآریایی',
    tr: 'Hint-Aryan dilleri',
  },
  zle: {
    en: 'East Slavic languages',
    'zh-CN': '东斯拉夫语支',
    ar: 'اللغات السلافية الشرقية',
    ru: 'восточнославянские языки',
    es: 'lenguas eslavas orientales',
    fr: 'langues slaves orientales',
    fa: 'زبان‌های اسلاوی شرقی',
    tr: 'Doğu Slav dilleri',
  },
  zlw: {
    en: 'West Slavic languages',
    'zh-CN': '西斯拉夫语支',
    ar: 'اللغات السلافية الغربية',
    ru: 'западнославянские языки',
    es: 'lenguas eslavas occidentales',
    fr: 'langues slaves occidentales',
    fa: 'زبان‌های اسلاوی غربی',
    tr: 'Batı Slav dilleri',
  },
  zls: {
    en: 'South Slavic languages',
    'zh-CN': '南斯拉夫语支',
    ar: 'اللغات السلافية الجنوبية',
    ru: 'южнославянские языки',
    es: 'lenguas eslavas meridionales',
    fr: 'langues slaves méridionales',
    fa: 'زبان‌های اسلاوی جنوبی',
    tr: 'Güney Slav dilleri',
  },
  sla: {
    en: 'Slavic languages',
    'zh-CN': '斯拉夫语族',
    ar: 'اللغات السلافية',
    ru: 'славянские языки',
    es: 'lenguas eslavas',
    fr: 'langues slaves',
    fa: 'زبان‌های اسلاوی',
    tr: 'Slav dilleri',
  },
  trk: {
    en: 'Turkic languages',
    'zh-CN': '突厥语族',
    ar: 'اللغات التركية',
    ru: 'тюркские языки',
    es: 'lenguas túrquicas',
    fr: 'langues turques',
    fa: 'زبان‌های ترکی',
    tr: 'Türk dilleri',
  },
  roa: {
    en: 'Romance languages',
    'zh-CN': '罗曼语族',
    ar: 'اللغات الرومانسية',
    ru: 'романские языки',
    es: 'lenguas romances',
    fr: 'langues romanes',
    fa: 'زبان‌های رومیایی',
    tr: 'Roman dilleri',
  },
  bnt: {
    en: 'Bantu languages',
    'zh-CN': '班图语支',
    ar: 'لغات البانتو',
    ru: 'языки банту',
    es: 'lenguas bantúes',
    fr: 'langues bantoues',
    fa: 'زبان‌های بانتو',
    tr: 'Bantu dilleri',
  },
  gmw: {
    en: 'West Germanic languages',
    'zh-CN': '西日耳曼语支',
    ar: 'اللغات الجرمانية الغربية',
    ru: 'западногерманские языки',
    es: 'lenguas germánicas occidentales',
    fr: 'langues germaniques occidentales',
    fa: 'زبان‌های ژرمنی غربی',
    tr: 'Batı Germen dilleri',
  },
  zhx: {
    en: 'Chinese languages',
    'zh-CN': '汉语族',
    ar: 'اللغات الصينية',
    ru: 'китайские языки',
    es: 'lenguas chinas',
    fr: 'langues chinoises',
    fa: 'زبان‌های چینی',
    tr: 'Çin dilleri',
  },
  jpx: {
    en: 'Japanese languages',
    'zh-CN': '日本语族',
    ar: 'اللغات اليابانية',
    ru: 'японские языки',
    es: 'lenguas japónicas',
    fr: 'langues japoniques',
    fa: 'زبان‌های ژاپنی',
    tr: 'Japon dilleri',
  },
  poz: {
    en: 'Malayo-Polynesian languages',
    'zh-CN': '马来-波利尼西亚语族',
    ar: 'اللغات الملايوية البولينيزية',
    ru: 'малайско-полинезийские языки',
    es: 'lenguas malayo-polinesias',
    fr: 'langues malayo-polynésiennes',
    fa: 'زبان‌های مالایی-پولینزیایی',
    tr: 'Malay-Polinezya dilleri',
  },
};

/** The family's name in the viewer's locale (`zh-CN`, `ar`, …), English, or else the code. */
export function familyName(family: string, locale: string): string {
  const names = familyNames[family];
  if (!names) return family;
  return names[locale] ?? names[locale.split('-')[0]!] ?? names.en ?? family;
}

/** A language's name in the viewer's locale, through Intl (Node ships full ICU). */
export function languageName(language: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(language)!;
  } catch {
    return language;
  }
}
