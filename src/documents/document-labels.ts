/**
 * Fixed text of the party-facing templates (agreement, session record, notice of rights) in
 * every language Accord ships; those documents print it in Chinese and in every party's
 * language (resolve-document-languages.ts). Placeholders in braces are filled by fillLabel; user
 * text is never placed in a label. Court filings and the certificate are Chinese + English by
 * design (the court reads Chinese; Singapore Convention attestation is in English); the names of
 * code values are in document-code-labels.ts, the dossier's frame in dossier-labels.ts.
 */
export const documentLanguages = ['zh', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

export interface DocumentLabels {
  agreementTitle: string;
  draftMark: string;
  caseReference: string;
  agreementVersion: string;
  date: string;
  parties: string;
  applicant: string;
  respondent: string;
  name: string;
  country: string;
  address: string;
  idDocument: string;
  agent: string;
  facts: string;
  disputedMatters: string;
  responsibilities: string;
  agreedTerms: string;
  performance: string;
  amount: string;
  amountInWords: string;
  schedule: string;
  instalment: string;
  dueOn: string;
  noSchedule: string;
  effect: string;
  prevailing: string;
  signatures: string;
  partySignature: string;
  mediatorSignature: string;
  committeeSeal: string;
  signedOn: string;
  verifyAt: string;
  textHash: string;
  notSigned: string;
  confirmedBy: string;
  missingTranslation: string;
  fallbackNote: string;
  mediators: string;
  page: string;
  // Session record (笔录)
  sessionTitle: string;
  sessionTime: string;
  sessionMode: string;
  inPerson: string;
  online: string;
  participants: string;
  interpreterPresent: string;
  yes: string;
  no: string;
  recordText: string;
  noRecord: string;
  participantSignatures: string;
  /** "三必": why no interpreter was present for a party who needed one. */
  interpreterAbsence: string;
  recordedBy: string;
  correctionReason: string;
  interpreterUnknown: string;
  // Notice of rights and duties (权利义务告知书)
  noticeTitle: string;
  noticeIntro: string;
  rightsHeading: string;
  rights: string[];
  dutiesHeading: string;
  duties: string[];
  acknowledgement: string;
}

const zh: DocumentLabels = {
  agreementTitle: '调解协议书',
  draftMark: '草稿（未签署，不具效力）',
  caseReference: '案件编号',
  agreementVersion: '协议版本',
  date: '日期',
  parties: '一、当事人基本情况',
  applicant: '申请人',
  respondent: '被申请人',
  name: '姓名/名称',
  country: '国籍/所在国',
  address: '住所',
  idDocument: '身份证件',
  agent: '代理人',
  facts: '二、纠纷的主要事实',
  disputedMatters: '三、争议事项',
  responsibilities: '四、各方当事人的责任',
  agreedTerms: '五、经调解，各方当事人自愿达成如下协议',
  performance: '六、履行方式和期限',
  amount: '协议金额',
  amountInWords: '大写',
  schedule: '履行计划',
  instalment: '期次',
  dueOn: '履行期限',
  noSchedule: '无分期安排，按上述方式履行。',
  effect:
    '本协议经各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式{copies}份，当事人各执一份，人民调解委员会留存一份。',
  prevailing: '本协议以中文和{language}书就，各文本如有不一致，以{prevailing}文本为准。',
  signatures: '七、签署',
  partySignature: '当事人（签名、盖章或按指印）',
  mediatorSignature: '人民调解员（签名）',
  committeeSeal: '人民调解委员会（印章）',
  signedOn: '签署时间',
  verifyAt: '核验地址',
  textHash: '签署文本 SHA-256',
  notSigned: '尚未签署',
  confirmedBy: '逐项确认',
  missingTranslation: '（未提供译文，以下为{language}原文）',
  fallbackNote: '本文书暂无{language}版本，现以英文版本与中文并列提供。',
  mediators: '人民调解员',
  page: '第 {page} 页',
  sessionTitle: '调解笔录',
  sessionTime: '时间',
  sessionMode: '方式/地点',
  inPerson: '现场调解',
  online: '在线调解',
  participants: '参加人员',
  interpreterPresent: '翻译人员是否在场',
  yes: '是',
  no: '否',
  recordText: '调解记录',
  noRecord: '（本次调解未形成记录）',
  participantSignatures: '参加人员签名',
  interpreterAbsence: '未安排翻译人员的原因',
  recordedBy: '记录人',
  correctionReason: '笔录更正原因',
  interpreterUnknown: '未记录',
  noticeTitle: '人民调解权利义务告知书',
  noticeIntro:
    '根据《中华人民共和国人民调解法》，人民调解委员会调解民间纠纷不收取任何费用。在调解活动中，当事人享有下列权利，并承担下列义务。',
  rightsHeading: '当事人享有的权利',
  rights: [
    '选择或者接受人民调解员；',
    '接受调解、拒绝调解或者要求终止调解；',
    '要求调解公开进行或者不公开进行；',
    '自主表达意愿、自愿达成调解协议；',
    '在调解的每个环节有翻译人员在场，并对每一项协议内容逐项确认；',
    '调解协议生效之日起三十日内共同向人民法院申请司法确认；调解不成的，可以依法提起诉讼。',
  ],
  dutiesHeading: '当事人承担的义务',
  duties: [
    '如实陈述纠纷事实；',
    '遵守调解现场秩序，尊重人民调解员；',
    '尊重对方当事人行使权利；',
    '履行依法达成的调解协议。',
  ],
  acknowledgement: '本人已阅读并知悉上述权利和义务。',
};

const en: DocumentLabels = {
  agreementTitle: 'Mediation Agreement',
  draftMark: 'DRAFT (not signed, of no effect)',
  caseReference: 'Case reference',
  agreementVersion: 'Agreement version',
  date: 'Date',
  parties: '1. The parties',
  applicant: 'Applicant',
  respondent: 'Respondent',
  name: 'Name',
  country: 'Country',
  address: 'Address',
  idDocument: 'Identity document',
  agent: 'Agent',
  facts: '2. Main facts of the dispute',
  disputedMatters: '3. Matters in dispute',
  responsibilities: "4. Each party's responsibility",
  agreedTerms: '5. Through mediation, the parties have voluntarily agreed as follows',
  performance: '6. Manner and time of performance',
  amount: 'Amount agreed',
  amountInWords: 'In words',
  schedule: 'Performance schedule',
  instalment: 'Instalment',
  dueOn: 'Due on',
  noSchedule: 'No instalments; performance as stated above.',
  effect:
    'This agreement takes effect on the day every party has signed, sealed or fingerprinted it, the mediator has signed it and the People’s Mediation Committee has affixed its seal. It is made in {copies} copies: one for each party and one kept by the committee.',
  prevailing:
    'This agreement is made in Chinese and {language}. If the versions differ, the {prevailing} version prevails.',
  signatures: '7. Signatures',
  partySignature: 'Party (signature, seal or fingerprint)',
  mediatorSignature: 'People’s mediator (signature)',
  committeeSeal: 'People’s Mediation Committee (seal)',
  signedOn: 'Signed on',
  verifyAt: 'Verify at',
  textHash: 'SHA-256 of the signed text',
  notSigned: 'not yet signed',
  confirmedBy: 'Confirmed by',
  missingTranslation: '(no translation provided; original text in {language})',
  fallbackNote:
    'This form is not yet available in {language}; the English version is given beside the Chinese.',
  mediators: 'Mediators',
  page: 'Page {page}',
  sessionTitle: 'Record of Mediation Session',
  sessionTime: 'Time',
  sessionMode: 'Mode / place',
  inPerson: 'in person',
  online: 'online',
  participants: 'Participants',
  interpreterPresent: 'Interpreter present',
  yes: 'yes',
  no: 'no',
  recordText: 'Record',
  noRecord: '(no record was made of this session)',
  participantSignatures: 'Signatures of participants',
  interpreterAbsence: 'Why no interpreter was present',
  recordedBy: 'Recorded by',
  correctionReason: 'Reason for correcting the record',
  interpreterUnknown: 'not recorded',
  noticeTitle: 'Notice of Rights and Duties in People’s Mediation',
  noticeIntro:
    'Under the People’s Mediation Law of the People’s Republic of China, the People’s Mediation Committee charges no fee for mediation. In mediation you have the following rights and duties.',
  rightsHeading: 'Your rights',
  rights: [
    'to choose or accept the people’s mediators;',
    'to accept mediation, refuse mediation or ask for mediation to end;',
    'to ask for the mediation to be held in public or in private;',
    'to express your wishes freely and to reach an agreement voluntarily;',
    'to have an interpreter present at every step, and to confirm each term of an agreement one by one;',
    'to apply jointly to a People’s Court for judicial confirmation within 30 days after the agreement takes effect; if mediation fails, to bring a lawsuit.',
  ],
  dutiesHeading: 'Your duties',
  duties: [
    'to state the facts of the dispute truthfully;',
    'to keep order at the mediation and respect the mediators;',
    'to respect the other party’s exercise of its rights;',
    'to perform an agreement lawfully reached.',
  ],
  acknowledgement: 'I have read and understood the rights and duties above.',
};

const ar: DocumentLabels = {
  agreementTitle: 'اتفاقية تسوية بالوساطة',
  draftMark: 'مسودة (غير موقعة، لا أثر لها)',
  caseReference: 'رقم القضية',
  agreementVersion: 'إصدار الاتفاقية',
  date: 'التاريخ',
  parties: '١. الأطراف',
  applicant: 'مقدم الطلب',
  respondent: 'المدعى عليه',
  name: 'الاسم',
  country: 'البلد',
  address: 'العنوان',
  idDocument: 'وثيقة الهوية',
  agent: 'الوكيل',
  facts: '٢. الوقائع الرئيسية للنزاع',
  disputedMatters: '٣. المسائل المتنازع عليها',
  responsibilities: '٤. مسؤولية كل طرف',
  agreedTerms: '٥. من خلال الوساطة، اتفق الأطراف طوعًا على ما يلي',
  performance: '٦. طريقة التنفيذ وموعده',
  amount: 'المبلغ المتفق عليه',
  amountInWords: 'كتابةً',
  schedule: 'جدول التنفيذ',
  instalment: 'القسط',
  dueOn: 'تاريخ الاستحقاق',
  noSchedule: 'لا توجد أقساط؛ يتم التنفيذ على النحو المذكور أعلاه.',
  effect:
    'تدخل هذه الاتفاقية حيز النفاذ في اليوم الذي يوقعها فيه كل طرف أو يختمها أو يبصم عليها، ويوقعها الوسيط، وتختمها لجنة الوساطة الشعبية. حُررت من {copies} نسخ: نسخة لكل طرف ونسخة تحتفظ بها اللجنة.',
  prevailing:
    'حُررت هذه الاتفاقية باللغة الصينية و{language}. وفي حال الاختلاف بين النصوص، يُعتمد النص {prevailing}.',
  signatures: '٧. التوقيعات',
  partySignature: 'الطرف (توقيع أو ختم أو بصمة)',
  mediatorSignature: 'الوسيط الشعبي (توقيع)',
  committeeSeal: 'لجنة الوساطة الشعبية (ختم)',
  signedOn: 'تاريخ التوقيع',
  verifyAt: 'للتحقق',
  textHash: 'بصمة SHA-256 للنص الموقع',
  notSigned: 'لم يوقع بعد',
  confirmedBy: 'أكده',
  missingTranslation: '(لا توجد ترجمة؛ النص الأصلي باللغة {language})',
  fallbackNote:
    'هذا النموذج غير متوفر بعد باللغة {language}؛ النسخة الإنجليزية مقدمة بجانب الصينية.',
  mediators: 'الوسطاء',
  page: 'الصفحة {page}',
  sessionTitle: 'محضر جلسة الوساطة',
  sessionTime: 'الوقت',
  sessionMode: 'الطريقة / المكان',
  inPerson: 'حضوريًا',
  online: 'عبر الإنترنت',
  participants: 'الحاضرون',
  interpreterPresent: 'حضور المترجم',
  yes: 'نعم',
  no: 'لا',
  recordText: 'المحضر',
  noRecord: '(لم يُحرر محضر لهذه الجلسة)',
  participantSignatures: 'توقيعات الحاضرين',
  interpreterAbsence: 'سبب عدم حضور مترجم',
  recordedBy: 'سجّله',
  correctionReason: 'سبب تصحيح المحضر',
  interpreterUnknown: 'غير مسجل',
  noticeTitle: 'إشعار بالحقوق والواجبات في الوساطة الشعبية',
  noticeIntro:
    'وفقًا لقانون الوساطة الشعبية لجمهورية الصين الشعبية، لا تتقاضى لجنة الوساطة الشعبية أي رسوم عن الوساطة. وتتمتع أثناء الوساطة بالحقوق التالية وتلتزم بالواجبات التالية.',
  rightsHeading: 'حقوقك',
  rights: [
    'اختيار الوسطاء الشعبيين أو قبولهم؛',
    'قبول الوساطة أو رفضها أو طلب إنهائها؛',
    'طلب إجراء الوساطة علنًا أو بشكل غير علني؛',
    'التعبير عن إرادتك بحرية والتوصل إلى اتفاق طوعًا؛',
    'حضور مترجم في كل مرحلة، وتأكيد كل بند من بنود الاتفاق بندًا بندًا؛',
    'التقدم بطلب مشترك إلى محكمة الشعب للتصديق القضائي خلال ٣٠ يومًا من نفاذ الاتفاقية؛ وفي حال فشل الوساطة، رفع دعوى قضائية.',
  ],
  dutiesHeading: 'واجباتك',
  duties: [
    'عرض وقائع النزاع بصدق؛',
    'الحفاظ على النظام أثناء الوساطة واحترام الوسطاء؛',
    'احترام ممارسة الطرف الآخر لحقوقه؛',
    'تنفيذ الاتفاق المبرم وفقًا للقانون.',
  ],
  acknowledgement: 'لقد قرأت الحقوق والواجبات المذكورة أعلاه وفهمتها.',
};

const ru: DocumentLabels = {
  agreementTitle: 'Соглашение об урегулировании спора путём медиации',
  draftMark: 'ПРОЕКТ (не подписан, юридической силы не имеет)',
  caseReference: 'Номер дела',
  agreementVersion: 'Версия соглашения',
  date: 'Дата',
  parties: '1. Стороны',
  applicant: 'Заявитель',
  respondent: 'Ответчик',
  name: 'Наименование / имя',
  country: 'Страна',
  address: 'Адрес',
  idDocument: 'Документ, удостоверяющий личность',
  agent: 'Представитель',
  facts: '2. Основные обстоятельства спора',
  disputedMatters: '3. Спорные вопросы',
  responsibilities: '4. Ответственность каждой стороны',
  agreedTerms: '5. В результате медиации стороны добровольно договорились о следующем',
  performance: '6. Способ и срок исполнения',
  amount: 'Согласованная сумма',
  amountInWords: 'Прописью',
  schedule: 'График исполнения',
  instalment: 'Платёж',
  dueOn: 'Срок',
  noSchedule: 'Без рассрочки; исполнение в порядке, указанном выше.',
  effect:
    'Настоящее соглашение вступает в силу в день, когда все стороны подписали его, скрепили печатью или отпечатком пальца, медиатор подписал его и Комитет народной медиации скрепил его печатью. Составлено в {copies} экземплярах: по одному для каждой стороны и один хранится в комитете.',
  prevailing:
    'Настоящее соглашение составлено на китайском языке и на языке: {language}. При расхождении текстов преимущественную силу имеет текст на языке: {prevailing}.',
  signatures: '7. Подписи',
  partySignature: 'Сторона (подпись, печать или отпечаток пальца)',
  mediatorSignature: 'Народный медиатор (подпись)',
  committeeSeal: 'Комитет народной медиации (печать)',
  signedOn: 'Дата подписания',
  verifyAt: 'Проверка подлинности',
  textHash: 'SHA-256 подписанного текста',
  notSigned: 'ещё не подписано',
  confirmedBy: 'Подтверждено',
  missingTranslation: '(перевод не предоставлен; оригинальный текст, язык: {language})',
  fallbackNote:
    'Эта форма пока недоступна на языке: {language}; рядом с китайским текстом приводится английская версия.',
  mediators: 'Медиаторы',
  page: 'Страница {page}',
  sessionTitle: 'Протокол сессии медиации',
  sessionTime: 'Время',
  sessionMode: 'Формат / место',
  inPerson: 'очно',
  online: 'онлайн',
  participants: 'Участники',
  interpreterPresent: 'Присутствие переводчика',
  yes: 'да',
  no: 'нет',
  recordText: 'Запись',
  noRecord: '(протокол этой сессии не составлялся)',
  participantSignatures: 'Подписи участников',
  interpreterAbsence: 'Причина отсутствия переводчика',
  recordedBy: 'Записал(а)',
  correctionReason: 'Причина исправления протокола',
  interpreterUnknown: 'не указано',
  noticeTitle: 'Уведомление о правах и обязанностях в народной медиации',
  noticeIntro:
    'В соответствии с Законом КНР о народной медиации Комитет народной медиации не взимает плату за медиацию. В ходе медиации вы имеете следующие права и несёте следующие обязанности.',
  rightsHeading: 'Ваши права',
  rights: [
    'выбирать народных медиаторов или соглашаться с их назначением;',
    'согласиться на медиацию, отказаться от неё или потребовать её прекращения;',
    'требовать открытого или закрытого проведения медиации;',
    'свободно выражать свою волю и добровольно заключать соглашение;',
    'на присутствие переводчика на каждом этапе и на подтверждение каждого условия соглашения по отдельности;',
    'совместно обратиться в народный суд за судебным подтверждением в течение 30 дней после вступления соглашения в силу; если медиация не удалась, обратиться в суд с иском.',
  ],
  dutiesHeading: 'Ваши обязанности',
  duties: [
    'правдиво излагать обстоятельства спора;',
    'соблюдать порядок во время медиации и уважать медиаторов;',
    'уважать осуществление другой стороной её прав;',
    'исполнять соглашение, заключённое в соответствии с законом.',
  ],
  acknowledgement: 'Я прочитал(а) и понял(а) изложенные выше права и обязанности.',
};

const es: DocumentLabels = {
  agreementTitle: 'Acuerdo de Mediación',
  draftMark: 'BORRADOR (no firmado, sin efecto)',
  caseReference: 'Referencia del caso',
  agreementVersion: 'Versión del acuerdo',
  date: 'Fecha',
  parties: '1. Las partes',
  applicant: 'Solicitante',
  respondent: 'Parte requerida',
  name: 'Nombre',
  country: 'País',
  address: 'Domicilio',
  idDocument: 'Documento de identidad',
  agent: 'Representante',
  facts: '2. Hechos principales de la controversia',
  disputedMatters: '3. Cuestiones controvertidas',
  responsibilities: '4. Responsabilidad de cada parte',
  agreedTerms: '5. Mediante la mediación, las partes acuerdan voluntariamente lo siguiente',
  performance: '6. Forma y plazo de cumplimiento',
  amount: 'Importe acordado',
  amountInWords: 'En letras',
  schedule: 'Calendario de cumplimiento',
  instalment: 'Plazo',
  dueOn: 'Vencimiento',
  noSchedule: 'Sin pagos fraccionados; el cumplimiento se realiza según lo indicado arriba.',
  effect:
    'El presente acuerdo surte efecto el día en que todas las partes lo hayan firmado, sellado o marcado con su huella, el mediador lo haya firmado y el Comité de Mediación Popular haya estampado su sello. Se extiende en {copies} ejemplares: uno para cada parte y uno que conserva el comité.',
  prevailing:
    'El presente acuerdo se redacta en chino y en {language}. En caso de discrepancia, prevalecerá la versión en {prevailing}.',
  signatures: '7. Firmas',
  partySignature: 'Parte (firma, sello o huella)',
  mediatorSignature: 'Mediador popular (firma)',
  committeeSeal: 'Comité de Mediación Popular (sello)',
  signedOn: 'Firmado el',
  verifyAt: 'Verificar en',
  textHash: 'SHA-256 del texto firmado',
  notSigned: 'aún no firmado',
  confirmedBy: 'Confirmado por',
  missingTranslation: '(sin traducción; texto original en {language})',
  fallbackNote:
    'Este formulario aún no está disponible en {language}; se ofrece la versión inglesa junto al chino.',
  mediators: 'Mediadores',
  page: 'Página {page}',
  sessionTitle: 'Acta de la sesión de mediación',
  sessionTime: 'Hora',
  sessionMode: 'Modalidad / lugar',
  inPerson: 'presencial',
  online: 'en línea',
  participants: 'Participantes',
  interpreterPresent: 'Intérprete presente',
  yes: 'sí',
  no: 'no',
  recordText: 'Acta',
  noRecord: '(no se levantó acta de esta sesión)',
  participantSignatures: 'Firmas de los participantes',
  interpreterAbsence: 'Motivo de la ausencia de intérprete',
  recordedBy: 'Registrado por',
  correctionReason: 'Motivo de la corrección del acta',
  interpreterUnknown: 'no consta',
  noticeTitle: 'Aviso de derechos y obligaciones en la mediación popular',
  noticeIntro:
    'Según la Ley de Mediación Popular de la República Popular China, el Comité de Mediación Popular no cobra ninguna tasa por la mediación. Durante la mediación usted tiene los siguientes derechos y obligaciones.',
  rightsHeading: 'Sus derechos',
  rights: [
    'elegir o aceptar a los mediadores populares;',
    'aceptar la mediación, rechazarla o pedir que termine;',
    'pedir que la mediación sea pública o privada;',
    'expresar libremente su voluntad y llegar a un acuerdo de forma voluntaria;',
    'contar con un intérprete en cada etapa y confirmar cada cláusula del acuerdo una por una;',
    'solicitar conjuntamente a un Tribunal Popular la confirmación judicial dentro de los 30 días siguientes a la entrada en vigor del acuerdo; si la mediación fracasa, presentar una demanda.',
  ],
  dutiesHeading: 'Sus obligaciones',
  duties: [
    'exponer con veracidad los hechos de la controversia;',
    'mantener el orden durante la mediación y respetar a los mediadores;',
    'respetar el ejercicio de los derechos de la otra parte;',
    'cumplir el acuerdo alcanzado conforme a la ley.',
  ],
  acknowledgement: 'He leído y comprendido los derechos y obligaciones anteriores.',
};

const fr: DocumentLabels = {
  agreementTitle: 'Accord de médiation',
  draftMark: 'PROJET (non signé, sans effet)',
  caseReference: 'Référence du dossier',
  agreementVersion: 'Version de l’accord',
  date: 'Date',
  parties: '1. Les parties',
  applicant: 'Demandeur',
  respondent: 'Défendeur',
  name: 'Nom',
  country: 'Pays',
  address: 'Adresse',
  idDocument: 'Pièce d’identité',
  agent: 'Mandataire',
  facts: '2. Faits principaux du litige',
  disputedMatters: '3. Points litigieux',
  responsibilities: '4. Responsabilité de chaque partie',
  agreedTerms: '5. À l’issue de la médiation, les parties sont librement convenues de ce qui suit',
  performance: '6. Modalités et délais d’exécution',
  amount: 'Montant convenu',
  amountInWords: 'En toutes lettres',
  schedule: 'Échéancier',
  instalment: 'Échéance',
  dueOn: 'Date d’échéance',
  noSchedule: 'Pas d’échéancier ; exécution selon les modalités ci-dessus.',
  effect:
    'Le présent accord prend effet le jour où toutes les parties l’ont signé, scellé ou revêtu de leur empreinte, où le médiateur l’a signé et où le Comité de médiation populaire y a apposé son sceau. Il est établi en {copies} exemplaires : un pour chaque partie et un conservé par le comité.',
  prevailing:
    'Le présent accord est rédigé en chinois et en {language}. En cas de divergence, la version en {prevailing} prévaut.',
  signatures: '7. Signatures',
  partySignature: 'Partie (signature, sceau ou empreinte)',
  mediatorSignature: 'Médiateur populaire (signature)',
  committeeSeal: 'Comité de médiation populaire (sceau)',
  signedOn: 'Signé le',
  verifyAt: 'Vérifier sur',
  textHash: 'SHA-256 du texte signé',
  notSigned: 'pas encore signé',
  confirmedBy: 'Confirmé par',
  missingTranslation: '(pas de traduction ; texte original en {language})',
  fallbackNote:
    'Ce formulaire n’existe pas encore en {language} ; la version anglaise est donnée à côté du chinois.',
  mediators: 'Médiateurs',
  page: 'Page {page}',
  sessionTitle: 'Procès-verbal de séance de médiation',
  sessionTime: 'Heure',
  sessionMode: 'Modalité / lieu',
  inPerson: 'en présentiel',
  online: 'en ligne',
  participants: 'Participants',
  interpreterPresent: 'Interprète présent',
  yes: 'oui',
  no: 'non',
  recordText: 'Procès-verbal',
  noRecord: '(aucun procès-verbal n’a été établi pour cette séance)',
  participantSignatures: 'Signatures des participants',
  interpreterAbsence: 'Motif de l’absence d’interprète',
  recordedBy: 'Consigné par',
  correctionReason: 'Motif de la rectification du procès-verbal',
  interpreterUnknown: 'non renseigné',
  noticeTitle: 'Avis des droits et obligations en médiation populaire',
  noticeIntro:
    'En vertu de la loi de la République populaire de Chine sur la médiation populaire, le Comité de médiation populaire ne perçoit aucun frais. Pendant la médiation, vous avez les droits et obligations suivants.',
  rightsHeading: 'Vos droits',
  rights: [
    'choisir ou accepter les médiateurs populaires ;',
    'accepter la médiation, la refuser ou demander qu’elle prenne fin ;',
    'demander que la médiation soit publique ou non publique ;',
    'exprimer librement votre volonté et conclure un accord volontairement ;',
    'bénéficier d’un interprète à chaque étape et confirmer chaque clause de l’accord une à une ;',
    'demander conjointement à un tribunal populaire la confirmation judiciaire dans les 30 jours suivant la prise d’effet de l’accord ; en cas d’échec de la médiation, saisir le tribunal.',
  ],
  dutiesHeading: 'Vos obligations',
  duties: [
    'exposer fidèlement les faits du litige ;',
    'respecter l’ordre pendant la médiation et respecter les médiateurs ;',
    'respecter l’exercice par l’autre partie de ses droits ;',
    'exécuter l’accord conclu conformément à la loi.',
  ],
  acknowledgement: 'J’ai lu et compris les droits et obligations ci-dessus.',
};

const fa: DocumentLabels = {
  agreementTitle: 'موافقت‌نامهٔ میانجی‌گری',
  draftMark: 'پیش‌نویس (امضا نشده، فاقد اثر)',
  caseReference: 'شمارهٔ پرونده',
  agreementVersion: 'نسخهٔ موافقت‌نامه',
  date: 'تاریخ',
  parties: '۱. طرفین',
  applicant: 'درخواست‌کننده',
  respondent: 'طرف مقابل',
  name: 'نام',
  country: 'کشور',
  address: 'نشانی',
  idDocument: 'مدرک هویتی',
  agent: 'نماینده',
  facts: '۲. وقایع اصلی اختلاف',
  disputedMatters: '۳. موضوعات مورد اختلاف',
  responsibilities: '۴. مسئولیت هر یک از طرفین',
  agreedTerms: '۵. طرفین از طریق میانجی‌گری داوطلبانه بر موارد زیر توافق کردند',
  performance: '۶. نحوه و مهلت اجرا',
  amount: 'مبلغ توافق‌شده',
  amountInWords: 'به حروف',
  schedule: 'برنامهٔ اجرا',
  instalment: 'قسط',
  dueOn: 'سررسید',
  noSchedule: 'بدون اقساط؛ اجرا به ترتیب مذکور در بالا.',
  effect:
    'این موافقت‌نامه از روزی که همهٔ طرفین آن را امضا، مهر یا اثر انگشت کرده‌اند، میانجی آن را امضا کرده و کمیتهٔ میانجی‌گری مردمی آن را مهر کرده است، نافذ می‌شود. در {copies} نسخه تنظیم شده است: یک نسخه برای هر طرف و یک نسخه نزد کمیته.',
  prevailing:
    'این موافقت‌نامه به زبان چینی و {language} تنظیم شده است. در صورت اختلاف متون، متن {prevailing} معتبر است.',
  signatures: '۷. امضاها',
  partySignature: 'طرف (امضا، مهر یا اثر انگشت)',
  mediatorSignature: 'میانجی مردمی (امضا)',
  committeeSeal: 'کمیتهٔ میانجی‌گری مردمی (مهر)',
  signedOn: 'تاریخ امضا',
  verifyAt: 'راستی‌آزمایی در',
  textHash: 'SHA-256 متن امضاشده',
  notSigned: 'هنوز امضا نشده',
  confirmedBy: 'تأیید شده توسط',
  missingTranslation: '(ترجمه ارائه نشده است؛ متن اصلی به زبان {language})',
  fallbackNote:
    'این فرم هنوز به زبان {language} موجود نیست؛ نسخهٔ انگلیسی در کنار متن چینی آمده است.',
  mediators: 'میانجی‌ها',
  page: 'صفحهٔ {page}',
  sessionTitle: 'صورت‌جلسهٔ میانجی‌گری',
  sessionTime: 'زمان',
  sessionMode: 'شیوه / مکان',
  inPerson: 'حضوری',
  online: 'برخط',
  participants: 'حاضران',
  interpreterPresent: 'حضور مترجم',
  yes: 'بله',
  no: 'خیر',
  recordText: 'صورت‌جلسه',
  noRecord: '(برای این جلسه صورت‌جلسه‌ای تنظیم نشده است)',
  participantSignatures: 'امضای حاضران',
  interpreterAbsence: 'دلیل حضور نداشتن مترجم',
  recordedBy: 'ثبت‌کننده',
  correctionReason: 'دلیل اصلاح صورت‌جلسه',
  interpreterUnknown: 'ثبت نشده',
  noticeTitle: 'اطلاعیهٔ حقوق و تکالیف در میانجی‌گری مردمی',
  noticeIntro:
    'طبق قانون میانجی‌گری مردمی جمهوری خلق چین، کمیتهٔ میانجی‌گری مردمی هیچ هزینه‌ای دریافت نمی‌کند. شما در جریان میانجی‌گری حقوق و تکالیف زیر را دارید.',
  rightsHeading: 'حقوق شما',
  rights: [
    'انتخاب یا پذیرش میانجی‌های مردمی؛',
    'پذیرش یا رد میانجی‌گری یا درخواست پایان آن؛',
    'درخواست برگزاری میانجی‌گری به‌صورت علنی یا غیرعلنی؛',
    'بیان آزادانهٔ خواست خود و رسیدن داوطلبانه به توافق؛',
    'حضور مترجم در هر مرحله و تأیید تک‌تک بندهای توافق؛',
    'درخواست مشترک تأیید قضایی از دادگاه خلق ظرف ۳۰ روز پس از نفاذ موافقت‌نامه؛ و در صورت شکست میانجی‌گری، طرح دعوا در دادگاه.',
  ],
  dutiesHeading: 'تکالیف شما',
  duties: [
    'بیان صادقانهٔ وقایع اختلاف؛',
    'رعایت نظم جلسه و احترام به میانجی‌ها؛',
    'احترام به اعمال حقوق طرف مقابل؛',
    'اجرای توافقی که طبق قانون حاصل شده است.',
  ],
  acknowledgement: 'حقوق و تکالیف بالا را خواندم و فهمیدم.',
};

const tr: DocumentLabels = {
  agreementTitle: 'Arabuluculuk Anlaşması',
  draftMark: 'TASLAK (imzalanmamış, hükümsüz)',
  caseReference: 'Dosya numarası',
  agreementVersion: 'Anlaşma sürümü',
  date: 'Tarih',
  parties: '1. Taraflar',
  applicant: 'Başvuran',
  respondent: 'Karşı taraf',
  name: 'Ad / unvan',
  country: 'Ülke',
  address: 'Adres',
  idDocument: 'Kimlik belgesi',
  agent: 'Vekil',
  facts: '2. Uyuşmazlığın başlıca olguları',
  disputedMatters: '3. Uyuşmazlık konuları',
  responsibilities: '4. Tarafların sorumlulukları',
  agreedTerms: '5. Taraflar arabuluculuk sonucunda aşağıdaki hususlarda gönüllü olarak anlaşmıştır',
  performance: '6. İfa şekli ve süresi',
  amount: 'Anlaşılan tutar',
  amountInWords: 'Yazıyla',
  schedule: 'İfa takvimi',
  instalment: 'Taksit',
  dueOn: 'Vade',
  noSchedule: 'Taksit yok; ifa yukarıda belirtildiği şekilde yapılır.',
  effect:
    'Bu anlaşma, tüm tarafların imzaladığı, mühürlediği veya parmak izini bastığı, arabulucunun imzaladığı ve Halk Arabuluculuk Komitesinin mühürlediği gün yürürlüğe girer. {copies} nüsha olarak düzenlenmiştir: her tarafa bir nüsha ve komitede kalan bir nüsha.',
  prevailing:
    'Bu anlaşma Çince ve {language} olarak düzenlenmiştir. Metinler arasında farklılık olması halinde {prevailing} metin esas alınır.',
  signatures: '7. İmzalar',
  partySignature: 'Taraf (imza, mühür veya parmak izi)',
  mediatorSignature: 'Halk arabulucusu (imza)',
  committeeSeal: 'Halk Arabuluculuk Komitesi (mühür)',
  signedOn: 'İmza tarihi',
  verifyAt: 'Doğrulama adresi',
  textHash: 'İmzalanan metnin SHA-256 özeti',
  notSigned: 'henüz imzalanmadı',
  confirmedBy: 'Onaylayan',
  missingTranslation: '(çeviri sağlanmadı; özgün metin, dil: {language})',
  fallbackNote:
    'Bu form henüz şu dilde mevcut değil: {language}; Çince metnin yanında İngilizce sürüm verilmiştir.',
  mediators: 'Arabulucular',
  page: 'Sayfa {page}',
  sessionTitle: 'Arabuluculuk Oturumu Tutanağı',
  sessionTime: 'Zaman',
  sessionMode: 'Biçim / yer',
  inPerson: 'yüz yüze',
  online: 'çevrimiçi',
  participants: 'Katılımcılar',
  interpreterPresent: 'Tercüman hazır',
  yes: 'evet',
  no: 'hayır',
  recordText: 'Tutanak',
  noRecord: '(bu oturum için tutanak düzenlenmedi)',
  participantSignatures: 'Katılımcıların imzaları',
  interpreterAbsence: 'Tercüman bulunmamasının nedeni',
  recordedBy: 'Kaydeden',
  correctionReason: 'Tutanağın düzeltilme nedeni',
  interpreterUnknown: 'kaydedilmemiş',
  noticeTitle: 'Halk Arabuluculuğunda Haklar ve Yükümlülükler Bildirimi',
  noticeIntro:
    'Çin Halk Cumhuriyeti Halk Arabuluculuğu Kanunu uyarınca Halk Arabuluculuk Komitesi arabuluculuk için hiçbir ücret almaz. Arabuluculuk sürecinde aşağıdaki haklara ve yükümlülüklere sahipsiniz.',
  rightsHeading: 'Haklarınız',
  rights: [
    'halk arabulucularını seçmek veya kabul etmek;',
    'arabuluculuğu kabul etmek, reddetmek veya sona erdirilmesini istemek;',
    'arabuluculuğun açık veya kapalı yapılmasını istemek;',
    'iradenizi özgürce açıklamak ve gönüllü olarak anlaşmaya varmak;',
    'her aşamada tercüman bulundurmak ve anlaşmanın her maddesini tek tek onaylamak;',
    'anlaşmanın yürürlüğe girmesinden itibaren 30 gün içinde Halk Mahkemesine birlikte yargısal onay başvurusu yapmak; arabuluculuk başarısız olursa dava açmak.',
  ],
  dutiesHeading: 'Yükümlülükleriniz',
  duties: [
    'uyuşmazlığın olgularını doğru olarak anlatmak;',
    'arabuluculuk sırasında düzene uymak ve arabuluculara saygı göstermek;',
    'karşı tarafın haklarını kullanmasına saygı göstermek;',
    'hukuka uygun olarak varılan anlaşmayı yerine getirmek.',
  ],
  acknowledgement: 'Yukarıdaki hakları ve yükümlülükleri okudum ve anladım.',
};

export const documentLabels: Record<DocumentLanguage, DocumentLabels> = {
  zh,
  en,
  ar,
  ru,
  es,
  fr,
  fa,
  tr,
};

export function isDocumentLanguage(code: string): code is DocumentLanguage {
  return (documentLanguages as readonly string[]).includes(code);
}

/** Fills `{name}` placeholders with plain values (never markup: the template prints strings). */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    values[k] === undefined ? m : String(values[k]),
  );
}

const rtlLanguages = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'sd', 'yi', 'ug', 'dv']);

export const directionOf = (lang: string): 'rtl' | 'ltr' =>
  rtlLanguages.has(lang) ? 'rtl' : 'ltr';

/** The language's own name in `displayIn` (Intl, full ICU): "阿拉伯语", "Arabic", "العربية". */
export function languageName(code: string, displayIn: string): string {
  try {
    return new Intl.DisplayNames([displayIn], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
