import type { CommercialSubcategory } from '../domain/dispute-categories.js';

/**
 * The demo history's agreement and session-record texts in Chinese (the original) and in every
 * language a demo party reads or can fall back to (each demo buyer reads one of these: see
 * demo-parties.ts). Written by hand with the glossary's terms: 申请人/被申请人 are the applicant
 * and the other side of a mediation, never plaintiff and defendant; 定金 is earnest money.
 */
export const demoTextLanguages = ['en', 'ar', 'fa', 'ru', 'es', 'fr', 'tr'] as const;
export type DemoTextLanguage = (typeof demoTextLanguages)[number];

interface DemoTexts {
  facts: (category: string) => string;
  disputedMatters: string;
  responsibilities: string;
  pays: (currency: string, amount: string) => string;
  noFurtherClaims: string;
  performanceMethod: string;
  minutes: string;
  category: Record<CommercialSubcategory, string>;
}

export const demoTextsZh: DemoTexts = {
  facts: (c) => `申请人与被申请人于义乌国际商贸城交易，因${c}发生争议。`,
  disputedMatters: '争议事项为货款及相应责任。',
  responsibilities: '双方各自承担相应责任。',
  pays: (cur, amount) => `被申请人向申请人支付 ${cur} ${amount}。`,
  noFurtherClaims: '双方就本争议再无其他纠纷。',
  performanceMethod: '银行转账，按约定期限支付。',
  minutes: '双方分别陈述了各自的立场，调解员逐项确认了共识。',
  category: {
    goods_quality: '货物质量',
    payment: '货款支付',
    delivery: '交货物流',
    deposit: '定金',
    agency: '代理佣金',
    intellectual_property: '知识产权',
    contract_other: '合同履行',
  },
};

export const demoTexts: Record<DemoTextLanguage, DemoTexts> = {
  en: {
    facts: (c) =>
      `The parties traded at the Yiwu International Trade City and disagree about ${c}.`,
    disputedMatters: 'The disputed matters are the price and the responsibility for it.',
    responsibilities: 'Each party bears its share of responsibility.',
    pays: (cur, amount) => `The respondent pays the applicant ${cur} ${amount}.`,
    noFurtherClaims: 'The parties have no further claims in this dispute.',
    performanceMethod: 'By bank transfer on the agreed dates.',
    minutes:
      'Each party stated its position; the mediators confirmed the points of consensus one by one.',
    category: {
      goods_quality: 'the quality of the goods',
      payment: 'payment',
      delivery: 'delivery',
      deposit: 'earnest money',
      agency: 'an agency commission',
      intellectual_property: 'intellectual property',
      contract_other: 'performance of the contract',
    },
  },
  ar: {
    facts: (c) => `تعامل الطرفان تجاريًا في مدينة ييوو الدولية للتجارة، ونشأ بينهما نزاع بشأن ${c}.`,
    disputedMatters: 'المسائل المتنازع عليها هي ثمن البضاعة والمسؤولية عنه.',
    responsibilities: 'يتحمّل كل طرف نصيبه من المسؤولية.',
    pays: (cur, amount) => `يدفع المقدَّم ضدّه الطلب إلى مقدِّم الطلب مبلغ ${amount} ${cur}.`,
    noFurtherClaims: 'لا توجد للطرفين أي مطالبات أخرى بشأن هذا النزاع.',
    performanceMethod: 'بالتحويل المصرفي في المواعيد المتفق عليها.',
    minutes: 'عرض كل طرف موقفه، وأكّد الوسطاء نقاط التوافق نقطةً نقطة.',
    category: {
      goods_quality: 'جودة البضاعة',
      payment: 'سداد الثمن',
      delivery: 'التسليم والشحن',
      deposit: 'العربون',
      agency: 'عمولة الوكالة',
      intellectual_property: 'الملكية الفكرية',
      contract_other: 'تنفيذ العقد',
    },
  },
  fa: {
    facts: (c) =>
      `طرفین در شهر تجارت بین‌المللی ییوو داد و ستد کرده‌اند و دربارهٔ ${c} اختلاف دارند.`,
    disputedMatters: 'موضوع اختلاف، بهای کالا و مسئولیت مربوط به آن است.',
    responsibilities: 'هر یک از طرفین سهم خود از مسئولیت را بر عهده می‌گیرد.',
    pays: (cur, amount) => `طرف مقابل مبلغ ${amount} ${cur} به درخواست‌کننده می‌پردازد.`,
    noFurtherClaims: 'طرفین دربارهٔ این اختلاف ادعای دیگری ندارند.',
    performanceMethod: 'با انتقال بانکی در تاریخ‌های توافق‌شده.',
    minutes: 'هر یک از طرفین موضع خود را بیان کرد و میانجی‌ها نکات توافق را یک‌به‌یک تأیید کردند.',
    category: {
      goods_quality: 'کیفیت کالا',
      payment: 'پرداخت بها',
      delivery: 'تحویل و حمل',
      deposit: 'بیعانه',
      agency: 'کارمزد نمایندگی',
      intellectual_property: 'مالکیت فکری',
      contract_other: 'اجرای قرارداد',
    },
  },
  ru: {
    facts: (c) =>
      `Стороны вели торговлю в Международном торговом городе Иу, и между ними возник спор: ${c}.`,
    disputedMatters: 'Спорные вопросы — цена товара и ответственность за неё.',
    responsibilities: 'Каждая сторона несёт свою долю ответственности.',
    pays: (cur, amount) => `Другая сторона выплачивает заявителю ${amount} ${cur}.`,
    noFurtherClaims: 'У сторон нет иных претензий по этому спору.',
    performanceMethod: 'Банковским переводом в согласованные сроки.',
    minutes:
      'Каждая сторона изложила свою позицию; медиаторы подтвердили пункты согласия один за другим.',
    category: {
      goods_quality: 'качество товара',
      payment: 'оплата товара',
      delivery: 'поставка и доставка',
      deposit: 'задаток',
      agency: 'агентское вознаграждение',
      intellectual_property: 'интеллектуальная собственность',
      contract_other: 'исполнение договора',
    },
  },
  es: {
    facts: (c) =>
      `Las partes comerciaron en la Ciudad Internacional del Comercio de Yiwu y discrepan sobre ${c}.`,
    disputedMatters: 'Las cuestiones en disputa son el precio y la responsabilidad por él.',
    responsibilities: 'Cada parte asume la parte de responsabilidad que le corresponde.',
    pays: (cur, amount) => `La parte requerida paga al solicitante ${cur} ${amount}.`,
    noFurtherClaims: 'Las partes no tienen otras reclamaciones sobre esta disputa.',
    performanceMethod: 'Mediante transferencia bancaria en las fechas acordadas.',
    minutes:
      'Cada parte expuso su posición; los mediadores confirmaron los puntos de consenso uno por uno.',
    category: {
      goods_quality: 'la calidad de la mercancía',
      payment: 'el pago',
      delivery: 'la entrega',
      deposit: 'las arras',
      agency: 'una comisión de agencia',
      intellectual_property: 'la propiedad intelectual',
      contract_other: 'el cumplimiento del contrato',
    },
  },
  fr: {
    facts: (c) =>
      `Les parties ont commercé à la Cité internationale du commerce de Yiwu et sont en désaccord sur ${c}.`,
    disputedMatters: 'Les points litigieux sont le prix et la responsabilité qui s’y rattache.',
    responsibilities: 'Chaque partie assume sa part de responsabilité.',
    pays: (cur, amount) => `La partie requise verse à la partie requérante ${amount} ${cur}.`,
    noFurtherClaims: 'Les parties n’ont aucune autre prétention au titre de ce litige.',
    performanceMethod: 'Par virement bancaire aux dates convenues.',
    minutes:
      'Chaque partie a exposé sa position ; les médiateurs ont confirmé les points d’accord un à un.',
    category: {
      goods_quality: 'la qualité des marchandises',
      payment: 'le paiement',
      delivery: 'la livraison',
      deposit: 'les arrhes',
      agency: 'une commission d’agence',
      intellectual_property: 'la propriété intellectuelle',
      contract_other: 'l’exécution du contrat',
    },
  },
  tr: {
    facts: (c) =>
      `Taraflar Yiwu Uluslararası Ticaret Şehri'nde ticaret yaptı ve ${c} konusunda uyuşmazlık içinde.`,
    disputedMatters: 'Uyuşmazlık konusu, bedel ve bundan doğan sorumluluktur.',
    responsibilities: 'Her taraf kendi sorumluluk payını üstlenir.',
    pays: (cur, amount) => `Karşı taraf başvurana ${amount} ${cur} öder.`,
    noFurtherClaims: 'Tarafların bu uyuşmazlıkla ilgili başka bir talebi yoktur.',
    performanceMethod: 'Kararlaştırılan tarihlerde banka havalesiyle.',
    minutes:
      'Her taraf kendi tutumunu açıkladı; arabulucular uzlaşma noktalarını tek tek teyit etti.',
    category: {
      goods_quality: 'malın kalitesi',
      payment: 'ödeme',
      delivery: 'teslimat',
      deposit: 'kapora',
      agency: 'acente komisyonu',
      intellectual_property: 'fikri mülkiyet',
      contract_other: 'sözleşmenin ifası',
    },
  },
};

/** The demo languages a party reading `languages` can read (at least one for every demo buyer). */
export function demoLanguagesFor(languages: readonly string[]): DemoTextLanguage[] {
  return demoTextLanguages.filter((l) => languages.includes(l));
}
