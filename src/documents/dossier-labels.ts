import type { DocumentLanguage } from './document-labels.js';

/**
 * Fixed text of the dossier's cover, contents and intake register, printed under the Chinese in
 * the language asked for (`?lang=`). The body documents carry their own languages.
 */
export interface DossierLabels {
  fileTitle: string;
  caseReference: string;
  committee: string;
  category: string;
  parties: string;
  mediators: string;
  applied: string;
  accepted: string;
  status: string;
  pages: string;
  compiled: string;
  contents: string;
  no: string;
  document: string;
  page: string;
  pageCount: string;
  registerTitle: string;
  source: string;
  claimed: string;
  role: string;
  name: string;
  country: string;
  language: string;
  summary: string;
  sections: {
    intake: string;
    notice: string;
    identity: string;
    poa: string;
    investigation: string;
    evidence: string;
    records: string;
    agreement: string;
    performance: string;
    confirmation: string;
    backCover: string;
  };
}

const zh: DossierLabels = {
  fileTitle: '人民调解卷宗',
  caseReference: '案件编号',
  committee: '调解组织',
  category: '纠纷类型',
  parties: '当事人',
  mediators: '调解员',
  applied: '申请日期',
  accepted: '受理日期',
  status: '案件状态',
  pages: '卷内页数',
  compiled: '立卷日期',
  contents: '卷内目录',
  no: '序号',
  document: '材料名称',
  page: '页码',
  pageCount: '页数',
  registerTitle: '人民调解受理登记表',
  source: '案件来源',
  claimed: '请求金额',
  role: '身份',
  name: '名称',
  country: '国籍',
  language: '语言',
  summary: '纠纷概要',
  sections: {
    intake: '受理登记表',
    notice: '权利义务告知书',
    identity: '当事人身份证明',
    poa: '授权委托书',
    investigation: '调查笔录',
    evidence: '证据材料',
    records: '调解笔录',
    agreement: '调解协议书',
    performance: '履行凭证及回访记录',
    confirmation: '司法确认材料',
    backCover: '备考表',
  },
};

const en: DossierLabels = {
  fileTitle: 'Mediation Case File',
  caseReference: 'Case reference',
  committee: 'Committee',
  category: 'Category',
  parties: 'Parties',
  mediators: 'Mediators',
  applied: 'Applied on',
  accepted: 'Accepted on',
  status: 'Case status',
  pages: 'Pages in the file',
  compiled: 'Compiled on',
  contents: 'Table of contents',
  no: 'No.',
  document: 'Document',
  page: 'Page',
  pageCount: 'Pages',
  registerTitle: 'Intake register',
  source: 'Source of the case',
  claimed: 'Amount claimed',
  role: 'Role',
  name: 'Name',
  country: 'Country',
  language: 'Language',
  summary: 'Summary of the dispute',
  sections: {
    intake: 'Intake register',
    notice: 'Notice of rights and duties',
    identity: 'Identity proof',
    poa: 'Power of attorney',
    investigation: 'Investigation records',
    evidence: 'Evidence',
    records: 'Mediation records',
    agreement: 'Mediation agreement',
    performance: 'Proof of performance and follow-up',
    confirmation: 'Judicial confirmation papers',
    backCover: 'Back cover',
  },
};

const ar: DossierLabels = {
  fileTitle: 'ملف قضية الوساطة',
  caseReference: 'رقم القضية',
  committee: 'لجنة الوساطة',
  category: 'نوع النزاع',
  parties: 'الأطراف',
  mediators: 'الوسطاء',
  applied: 'تاريخ الطلب',
  accepted: 'تاريخ القبول',
  status: 'حالة القضية',
  pages: 'عدد صفحات الملف',
  compiled: 'تاريخ إعداد الملف',
  contents: 'فهرس المحتويات',
  no: 'الرقم',
  document: 'المستند',
  page: 'الصفحة',
  pageCount: 'عدد الصفحات',
  registerTitle: 'سجل قبول القضية',
  source: 'مصدر القضية',
  claimed: 'المبلغ المطالب به',
  role: 'الصفة',
  name: 'الاسم',
  country: 'البلد',
  language: 'اللغة',
  summary: 'ملخص النزاع',
  sections: {
    intake: 'سجل قبول القضية',
    notice: 'إشعار الحقوق والواجبات',
    identity: 'إثبات الهوية',
    poa: 'التوكيل',
    investigation: 'محاضر التحقيق',
    evidence: 'الأدلة',
    records: 'محاضر جلسات الوساطة',
    agreement: 'اتفاق الوساطة',
    performance: 'إثبات التنفيذ والمتابعة',
    confirmation: 'مستندات التصديق القضائي',
    backCover: 'الغلاف الخلفي',
  },
};

const fa: DossierLabels = {
  fileTitle: 'پرونده میانجی‌گری',
  caseReference: 'شماره پرونده',
  committee: 'کمیته میانجی‌گری',
  category: 'نوع اختلاف',
  parties: 'طرفین',
  mediators: 'میانجی‌ها',
  applied: 'تاریخ درخواست',
  accepted: 'تاریخ پذیرش',
  status: 'وضعیت پرونده',
  pages: 'تعداد صفحات پرونده',
  compiled: 'تاریخ تنظیم پرونده',
  contents: 'فهرست مندرجات',
  no: 'ردیف',
  document: 'سند',
  page: 'صفحه',
  pageCount: 'تعداد صفحات',
  registerTitle: 'برگ ثبت پذیرش پرونده',
  source: 'منشأ پرونده',
  claimed: 'مبلغ مورد مطالبه',
  role: 'سمت',
  name: 'نام',
  country: 'کشور',
  language: 'زبان',
  summary: 'خلاصه اختلاف',
  sections: {
    intake: 'برگ ثبت پذیرش',
    notice: 'اطلاعیه حقوق و تکالیف',
    identity: 'مدارک هویتی',
    poa: 'وکالت‌نامه',
    investigation: 'صورت‌جلسات تحقیق',
    evidence: 'ادله',
    records: 'صورت‌جلسات میانجی‌گری',
    agreement: 'توافق‌نامه میانجی‌گری',
    performance: 'مدارک اجرا و پیگیری',
    confirmation: 'مدارک تأیید قضایی',
    backCover: 'جلد پشت',
  },
};

const ru: DossierLabels = {
  fileTitle: 'Дело о медиации',
  caseReference: 'Номер дела',
  committee: 'Комитет',
  category: 'Категория спора',
  parties: 'Стороны',
  mediators: 'Медиаторы',
  applied: 'Дата заявления',
  accepted: 'Дата принятия',
  status: 'Состояние дела',
  pages: 'Листов в деле',
  compiled: 'Дата формирования',
  contents: 'Опись документов',
  no: '№',
  document: 'Документ',
  page: 'Лист',
  pageCount: 'Листов',
  registerTitle: 'Регистрационная карточка',
  source: 'Основание',
  claimed: 'Заявленная сумма',
  role: 'Статус',
  name: 'Имя / наименование',
  country: 'Страна',
  language: 'Язык',
  summary: 'Суть спора',
  sections: {
    intake: 'Регистрационная карточка',
    notice: 'Уведомление о правах и обязанностях',
    identity: 'Документы, удостоверяющие личность',
    poa: 'Доверенность',
    investigation: 'Протоколы опроса',
    evidence: 'Доказательства',
    records: 'Протоколы медиации',
    agreement: 'Медиативное соглашение',
    performance: 'Подтверждения исполнения и контроль',
    confirmation: 'Документы о судебном подтверждении',
    backCover: 'Заверительный лист',
  },
};

const es: DossierLabels = {
  fileTitle: 'Expediente de mediación',
  caseReference: 'Número de caso',
  committee: 'Comité',
  category: 'Tipo de disputa',
  parties: 'Partes',
  mediators: 'Mediadores',
  applied: 'Fecha de solicitud',
  accepted: 'Fecha de admisión',
  status: 'Estado del caso',
  pages: 'Páginas del expediente',
  compiled: 'Fecha de formación',
  contents: 'Índice',
  no: 'N.º',
  document: 'Documento',
  page: 'Página',
  pageCount: 'Páginas',
  registerTitle: 'Registro de admisión',
  source: 'Origen del caso',
  claimed: 'Importe reclamado',
  role: 'Calidad',
  name: 'Nombre',
  country: 'País',
  language: 'Idioma',
  summary: 'Resumen de la disputa',
  sections: {
    intake: 'Registro de admisión',
    notice: 'Aviso de derechos y deberes',
    identity: 'Documentos de identidad',
    poa: 'Poder de representación',
    investigation: 'Actas de investigación',
    evidence: 'Pruebas',
    records: 'Actas de mediación',
    agreement: 'Acuerdo de mediación',
    performance: 'Pruebas de cumplimiento y seguimiento',
    confirmation: 'Documentos de confirmación judicial',
    backCover: 'Contraportada',
  },
};

const fr: DossierLabels = {
  fileTitle: 'Dossier de médiation',
  caseReference: 'Référence du dossier',
  committee: 'Comité',
  category: 'Type de litige',
  parties: 'Parties',
  mediators: 'Médiateurs',
  applied: 'Date de la demande',
  accepted: 'Date d’acceptation',
  status: 'État du dossier',
  pages: 'Pages du dossier',
  compiled: 'Date de constitution',
  contents: 'Table des matières',
  no: 'N°',
  document: 'Pièce',
  page: 'Page',
  pageCount: 'Pages',
  registerTitle: 'Registre d’enregistrement',
  source: 'Origine du dossier',
  claimed: 'Montant réclamé',
  role: 'Qualité',
  name: 'Nom',
  country: 'Pays',
  language: 'Langue',
  summary: 'Résumé du litige',
  sections: {
    intake: 'Registre d’enregistrement',
    notice: 'Avis des droits et obligations',
    identity: 'Pièces d’identité',
    poa: 'Procuration',
    investigation: 'Procès-verbaux d’enquête',
    evidence: 'Preuves',
    records: 'Procès-verbaux de médiation',
    agreement: 'Accord de médiation',
    performance: 'Preuves d’exécution et suivi',
    confirmation: 'Pièces de confirmation judiciaire',
    backCover: 'Quatrième de couverture',
  },
};

const tr: DossierLabels = {
  fileTitle: 'Arabuluculuk dosyası',
  caseReference: 'Dosya numarası',
  committee: 'Komite',
  category: 'Uyuşmazlık türü',
  parties: 'Taraflar',
  mediators: 'Arabulucular',
  applied: 'Başvuru tarihi',
  accepted: 'Kabul tarihi',
  status: 'Dosya durumu',
  pages: 'Dosyadaki sayfa sayısı',
  compiled: 'Düzenlenme tarihi',
  contents: 'İçindekiler',
  no: 'No.',
  document: 'Belge',
  page: 'Sayfa',
  pageCount: 'Sayfa sayısı',
  registerTitle: 'Kabul kayıt formu',
  source: 'Dosyanın kaynağı',
  claimed: 'Talep edilen tutar',
  role: 'Sıfat',
  name: 'Ad',
  country: 'Ülke',
  language: 'Dil',
  summary: 'Uyuşmazlığın özeti',
  sections: {
    intake: 'Kabul kayıt formu',
    notice: 'Haklar ve yükümlülükler bildirimi',
    identity: 'Kimlik belgeleri',
    poa: 'Vekâletname',
    investigation: 'İnceleme tutanakları',
    evidence: 'Deliller',
    records: 'Arabuluculuk tutanakları',
    agreement: 'Arabuluculuk anlaşması',
    performance: 'İfa belgeleri ve takip',
    confirmation: 'Yargısal onay belgeleri',
    backCover: 'Arka kapak',
  },
};

export const dossierLabels: Record<DocumentLanguage, DossierLabels> = {
  zh,
  en,
  ar,
  fa,
  ru,
  es,
  fr,
  tr,
};
