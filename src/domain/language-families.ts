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
 * Names of the ISO 639-5 groups the roster and incoming cases use: every group that is the
 * nearest family of a two-letter (ISO 639-1) language, which is what the application form and
 * the roster offer. Intl.DisplayNames has no names for ISO 639-5 group codes (it echoes `sem`),
 * so these are translated here, per locale. A group missing from this table (the family of a
 * rarer three-letter language sent to the API) is shown by its code.
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
  alg: {
    en: 'Algonquian languages',
    'zh-CN': '阿尔冈昆语族',
    ar: 'اللغات الألغونكية',
    ru: 'алгонкинские языки',
    es: 'lenguas algonquinas',
    fr: 'langues algonquiennes',
    fa: 'زبان‌های آلگونکین',
    tr: 'Algonkin dilleri',
  },
  alv: {
    en: 'Atlantic-Congo languages',
    'zh-CN': '大西洋-刚果语族',
    ar: 'اللغات الأطلسية الكونغولية',
    ru: 'атлантическо-конголезские языки',
    es: 'lenguas atlántico-congoleñas',
    fr: 'langues atlantico-congolaises',
    fa: 'زبان‌های اطلس-کنگو',
    tr: 'Atlantik-Kongo dilleri',
  },
  apa: {
    en: 'Apache languages',
    'zh-CN': '阿帕奇语支',
    ar: 'لغات الأباتشي',
    ru: 'апачские языки',
    es: 'lenguas apaches',
    fr: 'langues apaches',
    fa: 'زبان‌های آپاچی',
    tr: 'Apaçi dilleri',
  },
  art: {
    en: 'Constructed languages',
    'zh-CN': '人造语言',
    ar: 'اللغات المصطنعة',
    ru: 'искусственные языки',
    es: 'lenguas artificiales',
    fr: 'langues construites',
    fa: 'زبان‌های ساختگی',
    tr: 'Yapay diller',
  },
  bat: {
    en: 'Baltic languages',
    'zh-CN': '波罗的语族',
    ar: 'اللغات البلطيقية',
    ru: 'балтийские языки',
    es: 'lenguas bálticas',
    fr: 'langues baltes',
    fa: 'زبان‌های بالتیک',
    tr: 'Baltık dilleri',
  },
  cau: {
    en: 'Caucasian languages',
    'zh-CN': '高加索诸语言',
    ar: 'اللغات القوقازية',
    ru: 'кавказские языки',
    es: 'lenguas caucásicas',
    fr: 'langues caucasiennes',
    fa: 'زبان‌های قفقازی',
    tr: 'Kafkas dilleri',
  },
  ccn: {
    en: 'North Caucasian languages',
    'zh-CN': '北高加索诸语言',
    ar: 'لغات شمال القوقاز',
    ru: 'северокавказские языки',
    es: 'lenguas caucásicas septentrionales',
    fr: 'langues caucasiennes du Nord',
    fa: 'زبان‌های قفقاز شمالی',
    tr: 'Kuzey Kafkas dilleri',
  },
  ccs: {
    en: 'South Caucasian languages',
    'zh-CN': '南高加索语系',
    ar: 'لغات جنوب القوقاز',
    ru: 'картвельские языки',
    es: 'lenguas caucásicas meridionales',
    fr: 'langues caucasiennes du Sud',
    fa: 'زبان‌های قفقاز جنوبی',
    tr: 'Güney Kafkas dilleri',
  },
  cdc: {
    en: 'Chadic languages',
    'zh-CN': '乍得语族',
    ar: 'اللغات التشادية',
    ru: 'чадские языки',
    es: 'lenguas chádicas',
    fr: 'langues tchadiques',
    fa: 'زبان‌های چادی',
    tr: 'Çad dilleri',
  },
  cel: {
    en: 'Celtic languages',
    'zh-CN': '凯尔特语族',
    ar: 'اللغات الكلتية',
    ru: 'кельтские языки',
    es: 'lenguas celtas',
    fr: 'langues celtiques',
    fa: 'زبان‌های سلتی',
    tr: 'Kelt dilleri',
  },
  cpf: {
    en: 'French-based creoles',
    'zh-CN': '法语克里奥尔语',
    ar: 'اللغات الكريولية الفرنسية',
    ru: 'креольские языки на французской основе',
    es: 'criollos de base francesa',
    fr: 'créoles à base française',
    fa: 'زبان‌های کریول فرانسوی‌پایه',
    tr: 'Fransızca tabanlı kreol diller',
  },
  cus: {
    en: 'Cushitic languages',
    'zh-CN': '库希特语族',
    ar: 'اللغات الكوشية',
    ru: 'кушитские языки',
    es: 'lenguas cusitas',
    fr: 'langues couchitiques',
    fa: 'زبان‌های کوشی',
    tr: 'Kuşi dilleri',
  },
  dmn: {
    en: 'Mande languages',
    'zh-CN': '曼德语族',
    ar: 'لغات الماندي',
    ru: 'языки манде',
    es: 'lenguas mandé',
    fr: 'langues mandées',
    fa: 'زبان‌های مانده',
    tr: 'Mande dilleri',
  },
  dra: {
    en: 'Dravidian languages',
    'zh-CN': '达罗毗荼语系',
    ar: 'اللغات الدرافيدية',
    ru: 'дравидийские языки',
    es: 'lenguas dravídicas',
    fr: 'langues dravidiennes',
    fa: 'زبان‌های دراویدی',
    tr: 'Dravid dilleri',
  },
  esx: {
    en: 'Eskimo-Aleut languages',
    'zh-CN': '爱斯基摩-阿留申语系',
    ar: 'لغات الإسكيمو الأليوتية',
    ru: 'эскимосско-алеутские языки',
    es: 'lenguas esquimo-aleutianas',
    fr: 'langues eskimo-aléoutes',
    fa: 'زبان‌های اسکیمو-آلئوت',
    tr: 'Eskimo-Aleut dilleri',
  },
  euq: {
    en: 'Basque (language family)',
    'zh-CN': '巴斯克语系',
    ar: 'اللغات الباسكية',
    ru: 'баскские языки',
    es: 'lenguas vascónicas',
    fr: 'langues basques',
    fa: 'زبان‌های باسکی',
    tr: 'Bask dilleri',
  },
  fiu: {
    en: 'Finno-Ugric languages',
    'zh-CN': '芬兰-乌戈尔语族',
    ar: 'اللغات الفنلندية الأوغرية',
    ru: 'финно-угорские языки',
    es: 'lenguas finoúgrias',
    fr: 'langues finno-ougriennes',
    fa: 'زبان‌های فین-اوگری',
    tr: 'Fin-Ugor dilleri',
  },
  gmq: {
    en: 'North Germanic languages',
    'zh-CN': '北日耳曼语支',
    ar: 'اللغات الجرمانية الشمالية',
    ru: 'северогерманские языки',
    es: 'lenguas germánicas septentrionales',
    fr: 'langues germaniques septentrionales',
    fa: 'زبان‌های ژرمنی شمالی',
    tr: 'Kuzey Germen dilleri',
  },
  grk: {
    en: 'Greek languages',
    'zh-CN': '希腊语族',
    ar: 'اللغات اليونانية',
    ru: 'греческие языки',
    es: 'lenguas griegas',
    fr: 'langues grecques',
    fa: 'زبان‌های یونانی',
    tr: 'Yunan dilleri',
  },
  ine: {
    en: 'Indo-European languages',
    'zh-CN': '印欧语系',
    ar: 'اللغات الهندية الأوروبية',
    ru: 'индоевропейские языки',
    es: 'lenguas indoeuropeas',
    fr: 'langues indo-européennes',
    fa: 'زبان‌های هندواروپایی',
    tr: 'Hint-Avrupa dilleri',
  },
  itc: {
    en: 'Italic languages',
    'zh-CN': '意大利语族',
    ar: 'اللغات الإيطالية',
    ru: 'италийские языки',
    es: 'lenguas itálicas',
    fr: 'langues italiques',
    fa: 'زبان‌های ایتالیک',
    tr: 'İtalik diller',
  },
  mkh: {
    en: 'Mon-Khmer languages',
    'zh-CN': '孟-高棉语族',
    ar: 'اللغات المونية الخميرية',
    ru: 'мон-кхмерские языки',
    es: 'lenguas mon-jemer',
    fr: 'langues môn-khmer',
    fa: 'زبان‌های مون-خمر',
    tr: 'Mon-Khmer dilleri',
  },
  ngb: {
    en: 'North Ubangian languages',
    'zh-CN': '北乌班吉语支',
    ar: 'لغات أوبانغي الشمالية',
    ru: 'северноубангийские языки',
    es: 'lenguas ubangianas septentrionales',
    fr: 'langues oubanguiennes du Nord',
    fa: 'زبان‌های اوبانگی شمالی',
    tr: 'Kuzey Ubangi dilleri',
  },
  pqe: {
    en: 'Eastern Malayo-Polynesian languages',
    'zh-CN': '东马来-波利尼西亚语支',
    ar: 'اللغات الملايوية البولينيزية الشرقية',
    ru: 'восточные малайско-полинезийские языки',
    es: 'lenguas malayo-polinesias orientales',
    fr: 'langues malayo-polynésiennes orientales',
    fa: 'زبان‌های مالایی-پولینزیایی شرقی',
    tr: 'Doğu Malay-Polinezya dilleri',
  },
  pqw: {
    en: 'Western Malayo-Polynesian languages',
    'zh-CN': '西马来-波利尼西亚语支',
    ar: 'اللغات الملايوية البولينيزية الغربية',
    ru: 'западные малайско-полинезийские языки',
    es: 'lenguas malayo-polinesias occidentales',
    fr: 'langues malayo-polynésiennes occidentales',
    fa: 'زبان‌های مالایی-پولینزیایی غربی',
    tr: 'Batı Malay-Polinezya dilleri',
  },
  qwe: {
    en: 'Quechuan languages',
    'zh-CN': '克丘亚语族',
    ar: 'لغات الكيتشوا',
    ru: 'кечуанские языки',
    es: 'lenguas quechuas',
    fr: 'langues quechuas',
    fa: 'زبان‌های کچوایی',
    tr: 'Keçua dilleri',
  },
  sai: {
    en: 'South American Indian languages',
    'zh-CN': '南美印第安诸语言',
    ar: 'لغات السكان الأصليين في أمريكا الجنوبية',
    ru: 'языки индейцев Южной Америки',
    es: 'lenguas indígenas de Sudamérica',
    fr: 'langues amérindiennes d’Amérique du Sud',
    fa: 'زبان‌های بومی آمریکای جنوبی',
    tr: 'Güney Amerika yerli dilleri',
  },
  sit: {
    en: 'Sino-Tibetan languages',
    'zh-CN': '汉藏语系',
    ar: 'اللغات الصينية التبتية',
    ru: 'сино-тибетские языки',
    es: 'lenguas sinotibetanas',
    fr: 'langues sino-tibétaines',
    fa: 'زبان‌های چینی-تبتی',
    tr: 'Çin-Tibet dilleri',
  },
  smi: {
    en: 'Sámi languages',
    'zh-CN': '萨米语族',
    ar: 'لغات الصامي (اللابية)',
    ru: 'саамские языки',
    es: 'lenguas sami',
    fr: 'langues sames',
    fa: 'زبان‌های سامی لاپلاند',
    tr: 'Saami dilleri',
  },
  ssa: {
    en: 'Nilo-Saharan languages',
    'zh-CN': '尼罗-撒哈拉语系',
    ar: 'اللغات النيلية الصحراوية',
    ru: 'нило-сахарские языки',
    es: 'lenguas nilosaharianas',
    fr: 'langues nilo-sahariennes',
    fa: 'زبان‌های نیلی-صحرایی',
    tr: 'Nil-Sahra dilleri',
  },
  tai: {
    en: 'Tai languages',
    'zh-CN': '台语支',
    ar: 'لغات التاي',
    ru: 'тайские языки',
    es: 'lenguas tai',
    fr: 'langues taï',
    fa: 'زبان‌های تای',
    tr: 'Tai dilleri',
  },
  tbq: {
    en: 'Tibeto-Burman languages',
    'zh-CN': '藏缅语族',
    ar: 'اللغات التبتية البورمية',
    ru: 'тибето-бирманские языки',
    es: 'lenguas tibetano-birmanas',
    fr: 'langues tibéto-birmanes',
    fa: 'زبان‌های تبتی-برمه‌ای',
    tr: 'Tibet-Birman dilleri',
  },
  tup: {
    en: 'Tupian languages',
    'zh-CN': '图皮语系',
    ar: 'لغات التوبي',
    ru: 'языки тупи',
    es: 'lenguas tupí',
    fr: 'langues tupi',
    fa: 'زبان‌های توپی',
    tr: 'Tupi dilleri',
  },
  xgn: {
    en: 'Mongolic languages',
    'zh-CN': '蒙古语族',
    ar: 'اللغات المغولية',
    ru: 'монгольские языки',
    es: 'lenguas mongólicas',
    fr: 'langues mongoles',
    fa: 'زبان‌های مغولی',
    tr: 'Moğol dilleri',
  },
};

/**
 * The family's name in the viewer's locale (`zh-CN`, `ar`, …), English, or else the code. CLDR
 * also groups a macrolanguage's varieties under it (Congo Swahili under `sw`): Intl names those.
 */
export function familyName(family: string, locale: string): string {
  const names = familyNames[family];
  if (!names) return languageName(family, locale);
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
