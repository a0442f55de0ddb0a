import { IntlMessageFormat } from 'intl-messageformat';
import { familyName, languageName } from '../language-families.js';
import type { Locale } from '../messages/supported-locales.js';
import type { ReasonCode } from './score-candidate.js';

export type ExclusionCode = 'declaredRelationship' | 'priorOppositeParty' | 'objection';
type MessageCode = ReasonCode | ExclusionCode;

/**
 * The reasons behind a suggestion, and why a candidate was excluded, in ICU syntax.
 * Params named language/needed, family, country, region, category and proficiency are
 * codes; formatMatchingReason turns them into names in the viewer's language first.
 */
const messages: Record<Locale, Record<MessageCode, string>> = {
  en: {
    speaks: 'speaks {language} ({proficiency})',
    speaksFamily: 'speaks {language} ({proficiency}), of the same family as {needed}: {family}',
    noLanguage: 'does not speak {needed} or a related language',
    sameNationality: 'same nationality as a party ({country})',
    sameRegion: 'from the same region as a party ({region})',
    expertise: '{category} expertise',
    expertiseNational: 'expertise in the wider category ({category})',
    availability:
      'on call {days, plural, =0 {on no day} one {on # day} other {on # days}} of the next 7',
    workload: '{open} open {open, plural, one {case} other {cases}} of {limit}',
    atLimit: 'at the case limit ({open} of {limit})',
    pastOutcomes:
      '{agreed} of {concluded} {concluded, plural, one {earlier case} other {earlier cases}} in {category} agreed',
    declaredRelationship: 'declared a relationship ({relation}) with {name}',
    priorOppositeParty: 'was on the other side of {name} in an earlier case',
    objection: 'a party objected to this mediator',
  },
  'zh-CN': {
    speaks: '会说{language}（{proficiency}）',
    speaksFamily: '会说{language}（{proficiency}），与{needed}同属{family}',
    noLanguage: '不会说{needed}或相近语言',
    sameNationality: '与当事人同国籍（{country}）',
    sameRegion: '与当事人来自同一地区（{region}）',
    expertise: '擅长{category}纠纷',
    expertiseNational: '擅长上位类别（{category}）',
    availability: '未来 7 天中有 {days} 天值班',
    workload: '在办案件 {open} 件，上限 {limit} 件',
    atLimit: '已达案件上限（{open}/{limit}）',
    pastOutcomes: '此前 {concluded} 件{category}案件中 {agreed} 件达成协议',
    declaredRelationship: '已申报与{name}存在关系（{relation}）',
    priorOppositeParty: '曾在以往案件中与{name}处于对立方',
    objection: '当事人对该调解员提出异议',
  },
  ar: {
    speaks: 'يتحدث {language} ({proficiency})',
    speaksFamily: 'يتحدث {language} ({proficiency})، من نفس عائلة {needed}: {family}',
    noLanguage: 'لا يتحدث {needed} ولا لغة قريبة منها',
    sameNationality: 'من نفس جنسية أحد الأطراف ({country})',
    sameRegion: 'من نفس منطقة أحد الأطراف ({region})',
    expertise: 'خبرة في {category}',
    expertiseNational: 'خبرة في الفئة الأعم ({category})',
    availability:
      'متاح {days, plural, =0 {في أي يوم من} one {يومًا واحدًا من} two {يومين من} few {# أيام من} many {# يومًا من} other {# يوم من}} الأيام السبعة القادمة',
    workload: '{open} {open, plural, one {قضية مفتوحة} other {قضايا مفتوحة}} من {limit}',
    atLimit: 'بلغ الحد الأقصى للقضايا ({open} من {limit})',
    pastOutcomes: 'تم الاتفاق في {agreed} من {concluded} قضايا سابقة في {category}',
    declaredRelationship: 'أعلن عن علاقة ({relation}) مع {name}',
    priorOppositeParty: 'كان في الطرف المقابل لـ {name} في قضية سابقة',
    objection: 'اعترض أحد الأطراف على هذا الوسيط',
  },
  ru: {
    speaks: 'говорит на языке: {language} ({proficiency})',
    speaksFamily:
      'говорит на языке: {language} ({proficiency}), той же группы, что и {needed}: {family}',
    noLanguage: 'не говорит на языке {needed} или родственном',
    sameNationality: 'то же гражданство, что у стороны ({country})',
    sameRegion: 'из того же региона, что и сторона ({region})',
    expertise: 'специализация: {category}',
    expertiseNational: 'специализация в более широкой категории ({category})',
    availability:
      'на связи {days, plural, =0 {ни одного дня} one {# день} few {# дня} many {# дней} other {# дня}} из ближайших 7',
    workload:
      '{open} {open, plural, one {открытое дело} few {открытых дела} many {открытых дел} other {открытого дела}} из {limit}',
    atLimit: 'достигнут лимит дел ({open} из {limit})',
    pastOutcomes: 'соглашение в {agreed} из {concluded} прежних дел категории «{category}»',
    declaredRelationship: 'заявил(а) о связи ({relation}) с {name}',
    priorOppositeParty: 'был(а) противной стороной {name} в прежнем деле',
    objection: 'сторона заявила отвод этому медиатору',
  },
  es: {
    speaks: 'habla {language} ({proficiency})',
    speaksFamily: 'habla {language} ({proficiency}), de la misma familia que {needed}: {family}',
    noLanguage: 'no habla {needed} ni una lengua emparentada',
    sameNationality: 'misma nacionalidad que una parte ({country})',
    sameRegion: 'de la misma región que una parte ({region})',
    expertise: 'experiencia en {category}',
    expertiseNational: 'experiencia en la categoría general ({category})',
    availability:
      'disponible {days, plural, =0 {ningún día} one {# día} other {# días}} de los próximos 7',
    workload: '{open} {open, plural, one {caso abierto} other {casos abiertos}} de {limit}',
    atLimit: 'en el límite de casos ({open} de {limit})',
    pastOutcomes: 'acuerdo en {agreed} de {concluded} casos anteriores de {category}',
    declaredRelationship: 'declaró una relación ({relation}) con {name}',
    priorOppositeParty: 'estuvo en la parte contraria de {name} en un caso anterior',
    objection: 'una parte recusó a este mediador',
  },
  fr: {
    speaks: 'parle {language} ({proficiency})',
    speaksFamily: 'parle {language} ({proficiency}), de la même famille que {needed} : {family}',
    noLanguage: 'ne parle ni {needed} ni une langue apparentée',
    sameNationality: 'même nationalité qu’une partie ({country})',
    sameRegion: 'de la même région qu’une partie ({region})',
    expertise: 'expertise : {category}',
    expertiseNational: 'expertise dans la catégorie générale ({category})',
    availability:
      'disponible {days, plural, =0 {aucun jour} one {# jour} other {# jours}} sur les 7 prochains',
    workload: '{open} {open, plural, one {affaire ouverte} other {affaires ouvertes}} sur {limit}',
    atLimit: 'a atteint sa limite d’affaires ({open} sur {limit})',
    pastOutcomes: 'accord dans {agreed} des {concluded} affaires antérieures en {category}',
    declaredRelationship: 'a déclaré une relation ({relation}) avec {name}',
    priorOppositeParty: 'était la partie adverse de {name} dans une affaire antérieure',
    objection: 'une partie a récusé ce médiateur',
  },
  fa: {
    speaks: 'به {language} صحبت می‌کند ({proficiency})',
    speaksFamily: 'به {language} صحبت می‌کند ({proficiency})، هم‌خانواده با {needed}: {family}',
    noLanguage: 'به {needed} یا زبانی خویشاوند صحبت نمی‌کند',
    sameNationality: 'هم‌ملیت با یکی از طرفین ({country})',
    sameRegion: 'از همان منطقهٔ یکی از طرفین ({region})',
    expertise: 'تخصص در {category}',
    expertiseNational: 'تخصص در دستهٔ کلی‌تر ({category})',
    availability: 'در {days} روز از ۷ روز آینده در دسترس است',
    workload: '{open} پروندهٔ باز از {limit}',
    atLimit: 'به سقف پرونده‌ها رسیده است ({open} از {limit})',
    pastOutcomes: 'در {agreed} از {concluded} پروندهٔ پیشین {category} توافق شد',
    declaredRelationship: 'رابطه‌ای ({relation}) با {name} اعلام کرده است',
    priorOppositeParty: 'در پرونده‌ای پیشین طرف مقابل {name} بوده است',
    objection: 'یکی از طرفین به این میانجی اعتراض کرده است',
  },
  tr: {
    speaks: '{language} konuşuyor ({proficiency})',
    speaksFamily: '{language} konuşuyor ({proficiency}), {needed} ile aynı aile: {family}',
    noLanguage: '{needed} ya da akraba bir dil konuşmuyor',
    sameNationality: 'bir tarafla aynı uyruk ({country})',
    sameRegion: 'bir tarafla aynı bölgeden ({region})',
    expertise: '{category} uzmanlığı',
    expertiseNational: 'üst kategoride uzmanlık ({category})',
    availability: 'önümüzdeki 7 günün {days} gününde nöbette',
    workload: '{limit} sınırından {open} açık dosya',
    atLimit: 'dosya sınırında ({open}/{limit})',
    pastOutcomes: '{category} alanındaki önceki {concluded} dosyanın {agreed} tanesinde anlaşma',
    declaredRelationship: '{name} ile bir ilişki ({relation}) bildirdi',
    priorOppositeParty: 'önceki bir dosyada {name} ile karşı taraftaydı',
    objection: 'bir taraf bu arabulucuya itiraz etti',
  },
};

const proficiencyLabels: Record<Locale, Record<string, string>> = {
  en: { native: 'native', fluent: 'fluent', working: 'working' },
  'zh-CN': { native: '母语', fluent: '流利', working: '工作语言' },
  ar: { native: 'لغة أم', fluent: 'بطلاقة', working: 'مستوى عمل' },
  ru: { native: 'родной', fluent: 'свободно', working: 'рабочий' },
  es: { native: 'nativo', fluent: 'fluido', working: 'de trabajo' },
  fr: { native: 'langue maternelle', fluent: 'courant', working: 'de travail' },
  fa: { native: 'زبان مادری', fluent: 'روان', working: 'در حد کاری' },
  tr: { native: 'ana dil', fluent: 'akıcı', working: 'çalışma düzeyi' },
};

/** The declared relation of a mediator to a company or person, by name. */
const relationLabels: Record<Locale, Record<string, string>> = {
  en: {
    employee: 'employee',
    owner: 'owner',
    shareholder: 'shareholder',
    director: 'director',
    relative: 'relative',
    client: 'client',
    business_partner: 'business partner',
    other: 'other relationship',
  },
  'zh-CN': {
    employee: '雇员',
    owner: '所有人',
    shareholder: '股东',
    director: '董事',
    relative: '亲属',
    client: '客户',
    business_partner: '业务伙伴',
    other: '其他关系',
  },
  ar: {
    employee: 'موظف',
    owner: 'مالك',
    shareholder: 'مساهم',
    director: 'مدير',
    relative: 'قريب',
    client: 'عميل',
    business_partner: 'شريك تجاري',
    other: 'علاقة أخرى',
  },
  ru: {
    employee: 'сотрудник',
    owner: 'владелец',
    shareholder: 'акционер',
    director: 'директор',
    relative: 'родственник',
    client: 'клиент',
    business_partner: 'деловой партнёр',
    other: 'иная связь',
  },
  es: {
    employee: 'empleado',
    owner: 'propietario',
    shareholder: 'accionista',
    director: 'directivo',
    relative: 'familiar',
    client: 'cliente',
    business_partner: 'socio comercial',
    other: 'otra relación',
  },
  fr: {
    employee: 'salarié',
    owner: 'propriétaire',
    shareholder: 'actionnaire',
    director: 'dirigeant',
    relative: 'parent',
    client: 'client',
    business_partner: 'partenaire commercial',
    other: 'autre lien',
  },
  fa: {
    employee: 'کارمند',
    owner: 'مالک',
    shareholder: 'سهامدار',
    director: 'مدیر',
    relative: 'خویشاوند',
    client: 'مشتری',
    business_partner: 'شریک تجاری',
    other: 'رابطهٔ دیگر',
  },
  tr: {
    employee: 'çalışan',
    owner: 'sahip',
    shareholder: 'hissedar',
    director: 'yönetici',
    relative: 'akraba',
    client: 'müşteri',
    business_partner: 'iş ortağı',
    other: 'diğer ilişki',
  },
};

/** The commercial subcategories by name; a national category falls back to its code in words. */
const categoryLabels: Record<Locale, Record<string, string>> = {
  en: {
    goods_quality: 'goods-quality',
    payment: 'payment',
    delivery: 'delivery',
    deposit: 'deposit',
    agency: 'agency',
    intellectual_property: 'intellectual-property',
    contract_other: 'contract',
    contract: 'contract',
  },
  'zh-CN': {
    goods_quality: '货物质量',
    payment: '货款支付',
    delivery: '交货物流',
    deposit: '定金',
    agency: '代理佣金',
    intellectual_property: '知识产权',
    contract_other: '其他合同',
    contract: '合同',
  },
  ar: {
    goods_quality: 'جودة البضائع',
    payment: 'الدفع',
    delivery: 'التسليم',
    deposit: 'العربون',
    agency: 'الوكالة',
    intellectual_property: 'الملكية الفكرية',
    contract_other: 'العقود',
    contract: 'العقود',
  },
  ru: {
    goods_quality: 'качество товара',
    payment: 'оплата',
    delivery: 'поставка',
    deposit: 'задаток',
    agency: 'агентские споры',
    intellectual_property: 'интеллектуальная собственность',
    contract_other: 'договоры',
    contract: 'договоры',
  },
  es: {
    goods_quality: 'calidad de mercancías',
    payment: 'pagos',
    delivery: 'entregas',
    deposit: 'depósitos',
    agency: 'agencia',
    intellectual_property: 'propiedad intelectual',
    contract_other: 'contratos',
    contract: 'contratos',
  },
  fr: {
    goods_quality: 'qualité des marchandises',
    payment: 'paiement',
    delivery: 'livraison',
    deposit: 'acompte',
    agency: 'agence',
    intellectual_property: 'propriété intellectuelle',
    contract_other: 'contrats',
    contract: 'contrats',
  },
  fa: {
    goods_quality: 'کیفیت کالا',
    payment: 'پرداخت',
    delivery: 'تحویل',
    deposit: 'بیعانه',
    agency: 'نمایندگی',
    intellectual_property: 'مالکیت فکری',
    contract_other: 'قراردادها',
    contract: 'قراردادها',
  },
  tr: {
    goods_quality: 'mal kalitesi',
    payment: 'ödeme',
    delivery: 'teslimat',
    deposit: 'kapora',
    agency: 'acentelik',
    intellectual_property: 'fikri mülkiyet',
    contract_other: 'sözleşme',
    contract: 'sözleşme',
  },
};

function regionName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code)!;
  } catch {
    return code;
  }
}

/** One reason or exclusion as a sentence in the viewer's language. */
export function formatMatchingReason(
  locale: Locale,
  code: MessageCode,
  params: Record<string, string | number>,
): string {
  const p: Record<string, string | number> = { ...params };
  for (const key of ['language', 'needed'] as const) {
    if (typeof p[key] === 'string') p[key] = languageName(p[key], locale);
  }
  if (typeof p.family === 'string') p.family = familyName(p.family, locale);
  if (typeof p.country === 'string') p.country = regionName(p.country, locale);
  if (typeof p.region === 'string') p.region = regionName(p.region, locale);
  if (typeof p.proficiency === 'string')
    p.proficiency = proficiencyLabels[locale][p.proficiency] ?? p.proficiency;
  if (typeof p.relation === 'string') p.relation = relationLabels[locale][p.relation] ?? p.relation;
  if (typeof p.category === 'string')
    p.category = categoryLabels[locale][p.category] ?? p.category.replace(/_/g, ' ');
  return new IntlMessageFormat(messages[locale][code], locale).format(p) as string;
}

export const matchingMessageCatalog = messages;
