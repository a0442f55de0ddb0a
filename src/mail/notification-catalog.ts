import { caseEventNames, type CaseEventName } from '../domain/case-events.js';
import type { Locale } from '../domain/messages/supported-locales.js';

/**
 * Texts of notifications (e-mail and in-app), ICU syntax, one catalogue per locale; a test
 * checks every locale has every key and that every message parses. Titles become e-mail
 * subjects, so they never carry names or amounts: only the event and the case reference.
 */
/**
 * Every case event is a notification kind, except the generic reminder event, which the worker
 * turns into one of the specific `reminder.*` kinds; the staff copy of an application differs
 * from the applicant's.
 */
type NotifiedCaseEvent = Exclude<CaseEventName, 'deadline.reminder'>;
const notifiedCaseEvents = caseEventNames.filter(
  (e): e is NotifiedCaseEvent => e !== 'deadline.reminder',
);
export const notificationKinds = [
  ...notifiedCaseEvents,
  'case.submitted.staff',
  'reminder.mediation_due',
  'reminder.confirmation_window',
  'reminder.court_acceptance',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationCatalog {
  subject: string;
  openCase: string;
  followCase: string;
  followHint: string;
  sessionWhen: string;
  sessionWhere: string;
  sessionOnline: string;
  footer: string;
  footerOptional: string;
  footerRequired: string;
  kinds: Record<NotificationKind, { title: string; body: string }>;
}

// Shared ICU fragment: how many days remain (or that the deadline has passed).
const days = {
  en: '{days, plural, =0 {today} one {in # day} other {in # days}}',
  zh: '{days, plural, =0 {今天} other {# 天后}}',
  ar: '{days, plural, =0 {اليوم} one {خلال يوم واحد} two {خلال يومين} few {خلال # أيام} many {خلال # يومًا} other {خلال # يوم}}',
  ru: '{days, plural, =0 {сегодня} one {через # день} few {через # дня} many {через # дней} other {через # дня}}',
  es: '{days, plural, =0 {hoy} one {en # día} other {en # días}}',
  fr: '{days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}}',
  fa: '{days, plural, =0 {امروز} other {تا # روز دیگر}}',
  tr: '{days, plural, =0 {bugün} other {# gün içinde}}',
};

export const notificationCatalogs: Record<Locale, NotificationCatalog> = {
  en: {
    subject: '{title} – case {reference}',
    openCase: 'Open the case',
    followCase: 'Follow your case',
    followHint:
      'This personal link signs you in to your case. Do not forward it. It stays valid for {days, plural, one {# day} other {# days}}.',
    sessionWhen: 'When: {when} ({timeZone})',
    sessionWhere: 'Where: {where}',
    sessionOnline: 'Online: {url}',
    footer: 'You receive this message because you take part in case {reference} at {org}.',
    footerOptional: 'You can choose which e-mails you receive in your settings.',
    footerRequired: 'This is a required notice about your case.',
    kinds: {
      'case.submitted': {
        title: 'Application received',
        body: 'We have received your application. It is registered as case {reference}. A case officer will decide within a few days whether the committee accepts it. Mediation is free of charge.',
      },
      'case.submitted.staff': {
        title: 'New application',
        body: 'A new application, case {reference}, is waiting for a decision.',
      },
      'case.accepted': {
        title: 'Application accepted',
        body: 'The committee has accepted case {reference} for mediation. Mediation normally ends within one month. We will tell you who your mediators are.',
      },
      'party.invited': {
        title: 'You are invited to take part in a mediation',
        body: 'You are a party to case {reference}, which the committee is mediating free of charge. Follow the personal link below to see the case, give your side and take part in the sessions.',
      },
      'case.rejected': {
        title: 'Decision on your application',
        body: 'The committee has decided not to accept case {reference}. The reasons are in the case record. You may appeal the decision.',
      },
      'case.rejection_appealed': {
        title: 'Appeal against a rejection',
        body: 'A party appealed the rejection of case {reference}. The appeal and its reasons are in the case record; the decision is yours.',
      },
      'case.rejection_appeal_decided': {
        title: 'Decision on your appeal',
        body: 'The committee has decided on the appeal in case {reference}. The decision and its reasons are in the case record.',
      },
      'team.assigned': {
        title: 'Mediation team assigned',
        body: 'A mediation team has been assigned to case {reference}. You can see the mediators in the case record. You may object once to a mediator, with a reason.',
      },
      'team.objection_raised': {
        title: 'Objection to a mediator',
        body: 'A party has objected to a mediator in case {reference}. Please review the team.',
      },
      'session.scheduled': {
        title: 'Mediation session scheduled',
        body: 'A mediation session has been scheduled in case {reference}. The calendar invitation is attached.',
      },
      'session.changed': {
        title: 'Mediation session changed',
        body: 'A mediation session in case {reference} has been changed. The updated calendar invitation is attached.',
      },
      'session.cancelled': {
        title: 'Mediation session cancelled',
        body: 'A mediation session in case {reference} has been cancelled.',
      },
      'session.recorded': {
        title: 'Session record available',
        body: 'The record of a mediation session in case {reference} is available for review.',
      },
      'message.posted': {
        title: 'New message',
        body: 'There is a new message in case {reference}.',
      },
      'evidence.uploaded': {
        title: 'New evidence',
        body: 'A party uploaded new evidence in case {reference}. Open the case to see it.',
      },
      'agreement.ready_to_sign': {
        title: 'Agreement ready to sign',
        body: 'The mediation agreement in case {reference} is ready. Please read each point, confirm it and sign.',
      },
      'translation.requested': {
        title: 'Translation requested',
        body: 'A party in case {reference} cannot read part of {subject, select, agreement {the agreement} other {a session record}} and asked for a translation into {language}.',
      },
      'agreement.in_effect': {
        title: 'Agreement in effect',
        body: 'The mediation agreement in case {reference} has been signed by everyone and stamped by the committee. It is now in effect. The parties may jointly apply to a court for judicial confirmation within 30 days.',
      },
      'case.concluded': {
        title: 'Mediation concluded',
        body: 'Mediation in case {reference} has concluded. The outcome is in the case record.',
      },
      'confirmation.filed': {
        title: 'Application for judicial confirmation filed',
        body: 'An application for judicial confirmation of the agreement in case {reference} has been filed with the court.',
      },
      'confirmation.accepted': {
        title: 'Court accepted the confirmation application',
        body: 'The court has accepted the application for judicial confirmation in case {reference}.',
      },
      'confirmation.decided': {
        title: 'Court decision on judicial confirmation',
        body: 'The court has decided on the judicial confirmation in case {reference}. The result is in the case record.',
      },
      'referral.made': {
        title: 'Case referred to court',
        body: 'Case {reference} has been referred to the court for litigation. The court receives the case file, so the proceedings do not start over.',
      },
      'referral.decided': {
        title: 'Court result recorded',
        body: 'The court result for case {reference} has been recorded.',
      },
      'payment.recorded': {
        title: 'Payment recorded',
        body: 'A payment under the agreement in case {reference} has been recorded.',
      },
      'payment.reported': {
        title: 'Payment reported',
        body: 'A party has reported a payment with a bank slip in case {reference}. Please verify it or dispute it.',
      },
      'payment.verified': {
        title: 'Payment verified',
        body: 'The committee has verified a reported payment in case {reference}; it now counts towards the agreement.',
      },
      'payment.disputed': {
        title: 'Reported payment disputed',
        body: 'The committee could not verify the payment you reported in case {reference}. Open the case to read the reason.',
      },
      'instalment.due_soon': {
        title: 'Instalment due soon',
        body: 'Instalment no. {seq} under the agreement in case {reference} is due on {dueOn}.',
      },
      'instalment.missed': {
        title: 'Instalment not paid',
        body: 'Instalment no. {seq} under the agreement in case {reference} was due on {dueOn} and has not been recorded as paid.',
      },
      'follow_up.due': {
        title: 'Follow-up visit due',
        body: 'The follow-up visit for case {reference} is due on {dueOn}.',
      },
      'police.referred': {
        title: 'Referral to the police',
        body: 'Case {reference} has been referred to the economic-crime police.',
      },
      'reminder.mediation_due': {
        title: 'Mediation deadline',
        body: `{overdue, select, true {The one-month mediation period of case {reference} ended on {dueOn}.} other {The one-month mediation period of case {reference} ends ${days.en} ({dueOn}).}}`,
      },
      'reminder.confirmation_window': {
        title: 'Judicial confirmation deadline',
        body: `{overdue, select, true {The 30-day window to apply for judicial confirmation in case {reference} closed on {dueOn}.} other {The 30-day window to apply jointly for judicial confirmation in case {reference} closes ${days.en} ({dueOn}).}}`,
      },
      'reminder.court_acceptance': {
        title: 'Court acceptance overdue',
        body: 'The court has not yet decided whether to accept the filing in case {reference}, filed on {dueOn}. The court normally decides within 3 days.',
      },
    },
  },
  'zh-CN': {
    subject: '{title} – 案件 {reference}',
    openCase: '打开案件',
    followCase: '查看我的案件',
    followHint: '此专属链接可直接登录您的案件，请勿转发。有效期 {days} 天。',
    sessionWhen: '时间：{when}（{timeZone}）',
    sessionWhere: '地点：{where}',
    sessionOnline: '线上：{url}',
    footer: '您收到此邮件，是因为您参与了{org}的案件 {reference}。',
    footerOptional: '您可以在设置中选择接收哪些邮件。',
    footerRequired: '这是关于您案件的法定通知。',
    kinds: {
      'case.submitted': {
        title: '申请已收到',
        body: '我们已收到您的申请，登记为案件 {reference}。办案人员将在几天内决定是否受理。调解不收取任何费用。',
      },
      'case.submitted.staff': {
        title: '新的申请',
        body: '新的申请（案件 {reference}）等待受理决定。',
      },
      'case.accepted': {
        title: '申请已受理',
        body: '调解委员会已受理案件 {reference}。调解一般在一个月内结束。我们会告知您调解员名单。',
      },
      'party.invited': {
        title: '邀请您参加调解',
        body: '您是案件 {reference} 的当事人，该案件由调解委员会免费调解。请通过下方个人链接查看案件、陈述您的意见并参加调解会议。',
      },
      'case.rejected': {
        title: '关于您申请的决定',
        body: '调解委员会决定不予受理案件 {reference}，理由见案件记录。您可以对该决定提出异议。',
      },
      'case.rejection_appealed': {
        title: '不予受理异议待决定',
        body: '案件 {reference} 的当事人对不予受理决定提出异议，异议及理由见案件记录，请作出决定。',
      },
      'case.rejection_appeal_decided': {
        title: '关于您异议的决定',
        body: '调解委员会已就案件 {reference} 的异议作出决定，决定及理由见案件记录。',
      },
      'team.assigned': {
        title: '已指定调解团队',
        body: '案件 {reference} 已指定调解团队，调解员信息见案件记录。您可以说明理由，对调解员提出一次异议。',
      },
      'team.objection_raised': {
        title: '对调解员的异议',
        body: '案件 {reference} 的一方当事人对调解员提出了异议，请审查调解团队。',
      },
      'session.scheduled': {
        title: '调解会议已安排',
        body: '案件 {reference} 已安排调解会议，日历邀请见附件。',
      },
      'session.changed': {
        title: '调解会议已变更',
        body: '案件 {reference} 的调解会议已变更，更新后的日历邀请见附件。',
      },
      'session.cancelled': {
        title: '调解会议已取消',
        body: '案件 {reference} 的一次调解会议已取消。',
      },
      'session.recorded': {
        title: '调解笔录可查阅',
        body: '案件 {reference} 的调解笔录已可查阅。',
      },
      'message.posted': {
        title: '新消息',
        body: '案件 {reference} 有一条新消息。',
      },
      'evidence.uploaded': {
        title: '新证据',
        body: '案件 {reference} 的当事人上传了新的证据材料，请打开案件查看。',
      },
      'agreement.ready_to_sign': {
        title: '调解协议待签署',
        body: '案件 {reference} 的调解协议已就绪，请逐条阅读、确认并签署。',
      },
      'translation.requested': {
        title: '当事人申请翻译',
        body: '案件 {reference} 中有当事人无法阅读{subject, select, agreement {调解协议} other {调解笔录}}的部分内容，申请译成{language}。',
      },
      'agreement.in_effect': {
        title: '调解协议已生效',
        body: '案件 {reference} 的调解协议已由各方签署并加盖调解委员会印章，现已生效。双方可在 30 日内共同向法院申请司法确认。',
      },
      'case.concluded': {
        title: '调解已结束',
        body: '案件 {reference} 的调解已结束，结果见案件记录。',
      },
      'confirmation.filed': {
        title: '已提交司法确认申请',
        body: '案件 {reference} 的调解协议司法确认申请已提交法院。',
      },
      'confirmation.accepted': {
        title: '法院已受理司法确认申请',
        body: '法院已受理案件 {reference} 的司法确认申请。',
      },
      'confirmation.decided': {
        title: '法院司法确认决定',
        body: '法院已就案件 {reference} 的司法确认作出决定，结果见案件记录。',
      },
      'referral.made': {
        title: '案件已移送法院',
        body: '案件 {reference} 已移送法院诉讼。法院将收到案件材料，无需从头开始。',
      },
      'referral.decided': {
        title: '法院结果已登记',
        body: '案件 {reference} 的法院结果已登记。',
      },
      'payment.recorded': {
        title: '付款已登记',
        body: '案件 {reference} 协议项下的一笔付款已登记。',
      },
      'payment.reported': {
        title: '当事人报告了付款',
        body: '案件 {reference} 的当事人报告了一笔付款并上传了银行回单，请核实或提出异议。',
      },
      'payment.verified': {
        title: '报告的付款已核实',
        body: '委员会已核实案件 {reference} 中报告的付款，该款项已计入协议履行。',
      },
      'payment.disputed': {
        title: '报告的付款有异议',
        body: '委员会未能核实您在案件 {reference} 中报告的付款。请打开案件查看原因。',
      },
      'instalment.due_soon': {
        title: '分期款即将到期',
        body: '案件 {reference} 协议项下第 {seq} 期款项将于 {dueOn} 到期。',
      },
      'instalment.missed': {
        title: '分期款未支付',
        body: '案件 {reference} 协议项下第 {seq} 期款项已于 {dueOn} 到期，尚未登记付款。',
      },
      'follow_up.due': {
        title: '回访到期',
        body: '案件 {reference} 的回访应于 {dueOn} 进行。',
      },
      'police.referred': {
        title: '已移送公安机关',
        body: '案件 {reference} 已移送经侦部门。',
      },
      'reminder.mediation_due': {
        title: '调解期限提醒',
        body: `{overdue, select, true {案件 {reference} 的一个月调解期限已于 {dueOn} 届满。} other {案件 {reference} 的一个月调解期限将于${days.zh}（{dueOn}）届满。}}`,
      },
      'reminder.confirmation_window': {
        title: '司法确认期限提醒',
        body: `{overdue, select, true {案件 {reference} 申请司法确认的 30 日期限已于 {dueOn} 届满。} other {案件 {reference} 共同申请司法确认的 30 日期限将于${days.zh}（{dueOn}）届满。}}`,
      },
      'reminder.court_acceptance': {
        title: '法院受理逾期',
        body: '案件 {reference} 于 {dueOn} 提交的材料，法院尚未决定是否受理。法院一般在 3 日内决定。',
      },
    },
  },
  ar: {
    subject: '{title} – القضية {reference}',
    openCase: 'افتح القضية',
    followCase: 'تابع قضيتك',
    followHint:
      'هذا الرابط الشخصي يسجّل دخولك إلى قضيتك. لا تُعِد توجيهه. يبقى صالحًا لمدة {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.',
    sessionWhen: 'الموعد: {when} ({timeZone})',
    sessionWhere: 'المكان: {where}',
    sessionOnline: 'عبر الإنترنت: {url}',
    footer: 'تصلك هذه الرسالة لأنك طرف في القضية {reference} لدى {org}.',
    footerOptional: 'يمكنك اختيار الرسائل التي تتلقاها من الإعدادات.',
    footerRequired: 'هذا إشعار إلزامي بشأن قضيتك.',
    kinds: {
      'case.submitted': {
        title: 'تم استلام الطلب',
        body: 'استلمنا طلبك وسُجّل بوصفه القضية {reference}. سيقرر موظف القضايا خلال أيام قليلة ما إذا كانت اللجنة ستقبله. الوساطة مجانية.',
      },
      'case.submitted.staff': {
        title: 'طلب جديد',
        body: 'طلب جديد، القضية {reference}، بانتظار القرار.',
      },
      'case.accepted': {
        title: 'تم قبول الطلب',
        body: 'قبلت اللجنة القضية {reference} للوساطة. تنتهي الوساطة عادة خلال شهر واحد. سنبلغك بأسماء الوسطاء.',
      },
      'party.invited': {
        title: 'دعوة للمشاركة في وساطة',
        body: 'أنت طرف في القضية {reference} التي تتوسط فيها اللجنة مجانًا. اتبع الرابط الشخصي أدناه للاطلاع على القضية وعرض موقفك والمشاركة في الجلسات.',
      },
      'case.rejected': {
        title: 'قرار بشأن طلبك',
        body: 'قررت اللجنة عدم قبول القضية {reference}. الأسباب مدونة في سجل القضية. يمكنك الاعتراض على القرار.',
      },
      'case.rejection_appealed': {
        title: 'اعتراض على رفض قضية',
        body: 'اعترض أحد الأطراف على رفض القضية \u2068{reference}\u2069. الاعتراض وأسبابه في سجل القضية، والقرار لك.',
      },
      'case.rejection_appeal_decided': {
        title: 'قرار بشأن اعتراضك',
        body: 'أصدرت اللجنة قرارها بشأن الاعتراض في القضية {reference}. القرار وأسبابه في سجل القضية.',
      },
      'team.assigned': {
        title: 'تم تعيين فريق الوساطة',
        body: 'عُيّن فريق وساطة للقضية {reference}. يمكنك الاطلاع على الوسطاء في سجل القضية، ويحق لك الاعتراض مرة واحدة على أحدهم مع ذكر السبب.',
      },
      'team.objection_raised': {
        title: 'اعتراض على وسيط',
        body: 'اعترض أحد الأطراف على وسيط في القضية {reference}. يرجى مراجعة الفريق.',
      },
      'session.scheduled': {
        title: 'تم تحديد جلسة وساطة',
        body: 'حُدّدت جلسة وساطة في القضية {reference}. دعوة التقويم مرفقة.',
      },
      'session.changed': {
        title: 'تم تعديل جلسة الوساطة',
        body: 'عُدّلت جلسة وساطة في القضية {reference}. دعوة التقويم المحدّثة مرفقة.',
      },
      'session.cancelled': {
        title: 'تم إلغاء جلسة الوساطة',
        body: 'أُلغيت جلسة وساطة في القضية {reference}.',
      },
      'session.recorded': {
        title: 'محضر الجلسة متاح',
        body: 'محضر جلسة الوساطة في القضية {reference} متاح للاطلاع.',
      },
      'message.posted': {
        title: 'رسالة جديدة',
        body: 'توجد رسالة جديدة في القضية {reference}.',
      },
      'evidence.uploaded': {
        title: 'أدلة جديدة',
        body: 'رفع أحد الأطراف أدلة جديدة في القضية \u2068{reference}\u2069. افتح القضية للاطلاع عليها.',
      },
      'agreement.ready_to_sign': {
        title: 'الاتفاق جاهز للتوقيع',
        body: 'اتفاق الوساطة في القضية {reference} جاهز. يرجى قراءة كل بند وتأكيده ثم التوقيع.',
      },
      'translation.requested': {
        title: 'طلب ترجمة',
        body: 'لا يستطيع أحد الأطراف في القضية \u2068{reference}\u2069 قراءة جزء من {subject, select, agreement {الاتفاق} other {محضر جلسة}}، وطلب ترجمته إلى {language}.',
      },
      'agreement.in_effect': {
        title: 'الاتفاق ساري المفعول',
        body: 'وقّع الجميع اتفاق الوساطة في القضية {reference} وختمته اللجنة، فأصبح ساريًا. يجوز للطرفين التقدم معًا إلى المحكمة بطلب التصديق القضائي خلال 30 يومًا.',
      },
      'case.concluded': {
        title: 'انتهت الوساطة',
        body: 'انتهت الوساطة في القضية {reference}. النتيجة في سجل القضية.',
      },
      'confirmation.filed': {
        title: 'تم تقديم طلب التصديق القضائي',
        body: 'قُدّم إلى المحكمة طلب التصديق القضائي على الاتفاق في القضية {reference}.',
      },
      'confirmation.accepted': {
        title: 'قبلت المحكمة طلب التصديق',
        body: 'قبلت المحكمة طلب التصديق القضائي في القضية {reference}.',
      },
      'confirmation.decided': {
        title: 'قرار المحكمة بشأن التصديق القضائي',
        body: 'أصدرت المحكمة قرارها بشأن التصديق القضائي في القضية {reference}. النتيجة في سجل القضية.',
      },
      'referral.made': {
        title: 'إحالة القضية إلى المحكمة',
        body: 'أُحيلت القضية {reference} إلى المحكمة للتقاضي. تتسلم المحكمة ملف القضية فلا تبدأ الإجراءات من جديد.',
      },
      'referral.decided': {
        title: 'تسجيل نتيجة المحكمة',
        body: 'سُجّلت نتيجة المحكمة في القضية {reference}.',
      },
      'payment.recorded': {
        title: 'تم تسجيل دفعة',
        body: 'سُجّلت دفعة بموجب الاتفاق في القضية {reference}.',
      },
      'payment.reported': {
        title: 'تم الإبلاغ عن دفعة',
        body: 'أبلغ أحد الأطراف عن دفعة مع إيصال بنكي في القضية {reference}. يُرجى التحقق منها أو الاعتراض عليها.',
      },
      'payment.verified': {
        title: 'تم التحقق من الدفعة',
        body: 'تحققت اللجنة من دفعة مُبلَّغ عنها في القضية {reference}، وهي تُحتسب الآن ضمن الاتفاق.',
      },
      'payment.disputed': {
        title: 'اعتراض على الدفعة المُبلَّغ عنها',
        body: 'لم تتمكن اللجنة من التحقق من الدفعة التي أبلغت عنها في القضية {reference}. افتح القضية لقراءة السبب.',
      },
      'instalment.due_soon': {
        title: 'قسط مستحق قريبًا',
        body: 'يستحق القسط رقم {seq} بموجب الاتفاق في القضية {reference} في {dueOn}.',
      },
      'instalment.missed': {
        title: 'قسط غير مدفوع',
        body: 'كان القسط رقم {seq} بموجب الاتفاق في القضية {reference} مستحقًا في {dueOn} ولم يُسجَّل دفعه.',
      },
      'follow_up.due': {
        title: 'موعد زيارة المتابعة',
        body: 'زيارة المتابعة للقضية {reference} مستحقة في {dueOn}.',
      },
      'police.referred': {
        title: 'إحالة إلى الشرطة',
        body: 'أُحيلت القضية {reference} إلى شرطة الجرائم الاقتصادية.',
      },
      'reminder.mediation_due': {
        title: 'موعد انتهاء الوساطة',
        body: `{overdue, select, true {انتهت مدة الوساطة (شهر واحد) في القضية {reference} في {dueOn}.} other {تنتهي مدة الوساطة (شهر واحد) في القضية {reference} ${days.ar} ({dueOn}).}}`,
      },
      'reminder.confirmation_window': {
        title: 'موعد التصديق القضائي',
        body: `{overdue, select, true {انقضت مهلة الثلاثين يومًا لطلب التصديق القضائي في القضية {reference} في {dueOn}.} other {تنقضي مهلة الثلاثين يومًا لطلب التصديق القضائي المشترك في القضية {reference} ${days.ar} ({dueOn}).}}`,
      },
      'reminder.court_acceptance': {
        title: 'تأخر قرار المحكمة بالقبول',
        body: 'لم تقرر المحكمة بعد قبول الملف المقدم في القضية {reference} بتاريخ {dueOn}. تقرر المحكمة عادة خلال 3 أيام.',
      },
    },
  },
  ru: {
    subject: '{title} – дело {reference}',
    openCase: 'Открыть дело',
    followCase: 'Следить за делом',
    followHint:
      'Эта личная ссылка открывает ваше дело без пароля. Не пересылайте её. Она действует {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}.',
    sessionWhen: 'Когда: {when} ({timeZone})',
    sessionWhere: 'Где: {where}',
    sessionOnline: 'Онлайн: {url}',
    footer: 'Вы получили это письмо, потому что участвуете в деле {reference} в {org}.',
    footerOptional: 'Выбрать, какие письма получать, можно в настройках.',
    footerRequired: 'Это обязательное уведомление по вашему делу.',
    kinds: {
      'case.submitted': {
        title: 'Заявление получено',
        body: 'Мы получили ваше заявление и зарегистрировали его как дело {reference}. Сотрудник в течение нескольких дней решит, примет ли его комитет. Медиация бесплатна.',
      },
      'case.submitted.staff': {
        title: 'Новое заявление',
        body: 'Новое заявление, дело {reference}, ожидает решения.',
      },
      'case.accepted': {
        title: 'Заявление принято',
        body: 'Комитет принял дело {reference} к медиации. Обычно медиация завершается в течение месяца. Мы сообщим вам, кто ваши медиаторы.',
      },
      'party.invited': {
        title: 'Приглашение к участию в медиации',
        body: 'Вы являетесь стороной дела {reference}, по которому комитет бесплатно проводит медиацию. Перейдите по личной ссылке ниже, чтобы ознакомиться с делом, изложить свою позицию и участвовать во встречах.',
      },
      'case.rejected': {
        title: 'Решение по вашему заявлению',
        body: 'Комитет решил не принимать дело {reference}. Причины указаны в материалах дела. Решение можно обжаловать.',
      },
      'case.rejection_appealed': {
        title: 'Жалоба на отказ',
        body: 'Сторона обжаловала отказ в принятии дела {reference}. Жалоба и её доводы указаны в материалах дела; решение за вами.',
      },
      'case.rejection_appeal_decided': {
        title: 'Решение по вашей жалобе',
        body: 'Комитет принял решение по жалобе в деле {reference}. Решение и его причины указаны в материалах дела.',
      },
      'team.assigned': {
        title: 'Назначена команда медиаторов',
        body: 'По делу {reference} назначена команда медиаторов. Их список есть в материалах дела. Вы можете один раз заявить отвод медиатору, указав причину.',
      },
      'team.objection_raised': {
        title: 'Отвод медиатору',
        body: 'Сторона заявила отвод медиатору в деле {reference}. Пожалуйста, проверьте состав команды.',
      },
      'session.scheduled': {
        title: 'Назначена сессия медиации',
        body: 'По делу {reference} назначена сессия медиации. Приглашение в календарь приложено.',
      },
      'session.changed': {
        title: 'Сессия медиации изменена',
        body: 'Сессия медиации по делу {reference} изменена. Обновлённое приглашение приложено.',
      },
      'session.cancelled': {
        title: 'Сессия медиации отменена',
        body: 'Сессия медиации по делу {reference} отменена.',
      },
      'session.recorded': {
        title: 'Протокол сессии готов',
        body: 'Протокол сессии медиации по делу {reference} доступен для ознакомления.',
      },
      'message.posted': {
        title: 'Новое сообщение',
        body: 'В деле {reference} новое сообщение.',
      },
      'evidence.uploaded': {
        title: 'Новые доказательства',
        body: 'Сторона по делу {reference} загрузила новые доказательства. Откройте дело, чтобы их посмотреть.',
      },
      'agreement.ready_to_sign': {
        title: 'Соглашение готово к подписанию',
        body: 'Медиативное соглашение по делу {reference} готово. Прочитайте каждый пункт, подтвердите его и подпишите.',
      },
      'translation.requested': {
        title: 'Запрошен перевод',
        body: 'Сторона по делу {reference} не может прочитать часть {subject, select, agreement {соглашения} other {протокола заседания}} и просит перевод на язык: {language}.',
      },
      'agreement.in_effect': {
        title: 'Соглашение вступило в силу',
        body: 'Медиативное соглашение по делу {reference} подписано всеми и скреплено печатью комитета. Оно вступило в силу. Стороны могут совместно обратиться в суд за судебным подтверждением в течение 30 дней.',
      },
      'case.concluded': {
        title: 'Медиация завершена',
        body: 'Медиация по делу {reference} завершена. Результат указан в материалах дела.',
      },
      'confirmation.filed': {
        title: 'Подано заявление о судебном подтверждении',
        body: 'В суд подано заявление о судебном подтверждении соглашения по делу {reference}.',
      },
      'confirmation.accepted': {
        title: 'Суд принял заявление о подтверждении',
        body: 'Суд принял заявление о судебном подтверждении по делу {reference}.',
      },
      'confirmation.decided': {
        title: 'Решение суда о подтверждении',
        body: 'Суд вынес решение о судебном подтверждении по делу {reference}. Результат указан в материалах дела.',
      },
      'referral.made': {
        title: 'Дело передано в суд',
        body: 'Дело {reference} передано в суд. Суд получает материалы дела, поэтому разбирательство не начинается заново.',
      },
      'referral.decided': {
        title: 'Результат суда внесён',
        body: 'Результат рассмотрения дела {reference} в суде внесён.',
      },
      'payment.recorded': {
        title: 'Платёж зарегистрирован',
        body: 'Зарегистрирован платёж по соглашению в деле {reference}.',
      },
      'payment.reported': {
        title: 'Сообщено о платеже',
        body: 'Сторона сообщила о платеже и приложила банковскую квитанцию по делу {reference}. Подтвердите или оспорьте его.',
      },
      'payment.verified': {
        title: 'Платёж подтверждён',
        body: 'Комитет подтвердил заявленный платёж по делу {reference}; теперь он засчитан по соглашению.',
      },
      'payment.disputed': {
        title: 'Заявленный платёж оспорен',
        body: 'Комитет не смог подтвердить платёж, о котором вы сообщили по делу {reference}. Откройте дело, чтобы узнать причину.',
      },
      'instalment.due_soon': {
        title: 'Скоро срок платежа',
        body: 'Срок платежа № {seq} по соглашению в деле {reference} — {dueOn}.',
      },
      'instalment.missed': {
        title: 'Платёж не поступил',
        body: 'Платёж № {seq} по соглашению в деле {reference} должен был поступить {dueOn} и не зарегистрирован.',
      },
      'follow_up.due': {
        title: 'Срок контрольного визита',
        body: 'Контрольный визит по делу {reference} назначен на {dueOn}.',
      },
      'police.referred': {
        title: 'Передача в полицию',
        body: 'Дело {reference} передано в полицию по экономическим преступлениям.',
      },
      'reminder.mediation_due': {
        title: 'Срок медиации',
        body: `{overdue, select, true {Месячный срок медиации по делу {reference} истёк {dueOn}.} other {Месячный срок медиации по делу {reference} истекает ${days.ru} ({dueOn}).}}`,
      },
      'reminder.confirmation_window': {
        title: 'Срок судебного подтверждения',
        body: `{overdue, select, true {30-дневный срок для заявления о судебном подтверждении по делу {reference} истёк {dueOn}.} other {30-дневный срок для совместного заявления о судебном подтверждении по делу {reference} истекает ${days.ru} ({dueOn}).}}`,
      },
      'reminder.court_acceptance': {
        title: 'Суд не принял решение о принятии',
        body: 'Суд ещё не решил, принимать ли материалы по делу {reference}, поданные {dueOn}. Обычно суд решает в течение 3 дней.',
      },
    },
  },
  es: {
    subject: '{title} – caso {reference}',
    openCase: 'Abrir el caso',
    followCase: 'Seguir su caso',
    followHint:
      'Este enlace personal le da acceso a su caso. No lo reenvíe. Es válido durante {days, plural, one {# día} other {# días}}.',
    sessionWhen: 'Cuándo: {when} ({timeZone})',
    sessionWhere: 'Dónde: {where}',
    sessionOnline: 'En línea: {url}',
    footer: 'Recibe este mensaje porque participa en el caso {reference} ante {org}.',
    footerOptional: 'Puede elegir qué correos recibe en su configuración.',
    footerRequired: 'Este es un aviso obligatorio sobre su caso.',
    kinds: {
      'case.submitted': {
        title: 'Solicitud recibida',
        body: 'Hemos recibido su solicitud, registrada como caso {reference}. Un responsable decidirá en pocos días si el comité la admite. La mediación es gratuita.',
      },
      'case.submitted.staff': {
        title: 'Nueva solicitud',
        body: 'Una nueva solicitud, el caso {reference}, espera una decisión.',
      },
      'case.accepted': {
        title: 'Solicitud admitida',
        body: 'El comité ha admitido el caso {reference} a mediación. La mediación suele terminar en un mes. Le indicaremos quiénes son sus mediadores.',
      },
      'party.invited': {
        title: 'Invitación a participar en una mediación',
        body: 'Usted es parte del caso {reference}, que el comité media de forma gratuita. Siga el enlace personal de abajo para ver el caso, exponer su posición y participar en las sesiones.',
      },
      'case.rejected': {
        title: 'Decisión sobre su solicitud',
        body: 'El comité ha decidido no admitir el caso {reference}. Los motivos constan en el expediente. Puede recurrir la decisión.',
      },
      'case.rejection_appealed': {
        title: 'Recurso contra un rechazo',
        body: 'Una parte ha recurrido el rechazo del caso {reference}. El recurso y sus motivos constan en el expediente; la decisión le corresponde.',
      },
      'case.rejection_appeal_decided': {
        title: 'Decisión sobre su recurso',
        body: 'El comité ha resuelto el recurso del caso {reference}. La decisión y sus motivos constan en el expediente.',
      },
      'team.assigned': {
        title: 'Equipo de mediación asignado',
        body: 'Se ha asignado un equipo de mediación al caso {reference}. Puede ver a los mediadores en el expediente y recusar una vez a un mediador, indicando el motivo.',
      },
      'team.objection_raised': {
        title: 'Recusación de un mediador',
        body: 'Una parte ha recusado a un mediador en el caso {reference}. Revise el equipo.',
      },
      'session.scheduled': {
        title: 'Sesión de mediación programada',
        body: 'Se ha programado una sesión de mediación en el caso {reference}. Se adjunta la invitación de calendario.',
      },
      'session.changed': {
        title: 'Sesión de mediación modificada',
        body: 'Se ha modificado una sesión de mediación del caso {reference}. Se adjunta la invitación actualizada.',
      },
      'session.cancelled': {
        title: 'Sesión de mediación cancelada',
        body: 'Se ha cancelado una sesión de mediación del caso {reference}.',
      },
      'session.recorded': {
        title: 'Acta de la sesión disponible',
        body: 'El acta de una sesión de mediación del caso {reference} está disponible.',
      },
      'message.posted': {
        title: 'Nuevo mensaje',
        body: 'Hay un nuevo mensaje en el caso {reference}.',
      },
      'evidence.uploaded': {
        title: 'Nuevas pruebas',
        body: 'Una parte del caso {reference} ha subido nuevas pruebas. Abra el caso para verlas.',
      },
      'agreement.ready_to_sign': {
        title: 'Acuerdo listo para firmar',
        body: 'El acuerdo de mediación del caso {reference} está listo. Lea cada punto, confírmelo y firme.',
      },
      'translation.requested': {
        title: 'Traducción solicitada',
        body: 'Una parte del caso {reference} no puede leer parte {subject, select, agreement {del acuerdo} other {de un acta de sesión}} y ha pedido una traducción al {language}.',
      },
      'agreement.in_effect': {
        title: 'Acuerdo en vigor',
        body: 'El acuerdo de mediación del caso {reference} ha sido firmado por todos y sellado por el comité, y ya está en vigor. Las partes pueden solicitar conjuntamente su confirmación judicial en un plazo de 30 días.',
      },
      'case.concluded': {
        title: 'Mediación concluida',
        body: 'La mediación del caso {reference} ha concluido. El resultado consta en el expediente.',
      },
      'confirmation.filed': {
        title: 'Solicitud de confirmación judicial presentada',
        body: 'Se ha presentado ante el tribunal la solicitud de confirmación judicial del acuerdo del caso {reference}.',
      },
      'confirmation.accepted': {
        title: 'El tribunal admitió la solicitud de confirmación',
        body: 'El tribunal ha admitido la solicitud de confirmación judicial del caso {reference}.',
      },
      'confirmation.decided': {
        title: 'Resolución judicial sobre la confirmación',
        body: 'El tribunal ha resuelto la confirmación judicial del caso {reference}. El resultado consta en el expediente.',
      },
      'referral.made': {
        title: 'Caso remitido al tribunal',
        body: 'El caso {reference} se ha remitido al tribunal. El tribunal recibe el expediente, de modo que el proceso no empieza de cero.',
      },
      'referral.decided': {
        title: 'Resultado judicial registrado',
        body: 'Se ha registrado el resultado judicial del caso {reference}.',
      },
      'payment.recorded': {
        title: 'Pago registrado',
        body: 'Se ha registrado un pago conforme al acuerdo del caso {reference}.',
      },
      'payment.reported': {
        title: 'Pago notificado',
        body: 'Una parte ha notificado un pago con un comprobante bancario en el caso {reference}. Verifíquelo o impúgnelo.',
      },
      'payment.verified': {
        title: 'Pago verificado',
        body: 'El comité ha verificado un pago notificado en el caso {reference}; ahora cuenta para el acuerdo.',
      },
      'payment.disputed': {
        title: 'Pago notificado impugnado',
        body: 'El comité no pudo verificar el pago que notificó en el caso {reference}. Abra el caso para leer el motivo.',
      },
      'instalment.due_soon': {
        title: 'Plazo de pago próximo',
        body: 'El plazo n.º {seq} del acuerdo del caso {reference} vence el {dueOn}.',
      },
      'instalment.missed': {
        title: 'Plazo de pago impagado',
        body: 'El plazo n.º {seq} del acuerdo del caso {reference} vencía el {dueOn} y no consta como pagado.',
      },
      'follow_up.due': {
        title: 'Visita de seguimiento pendiente',
        body: 'La visita de seguimiento del caso {reference} está prevista para el {dueOn}.',
      },
      'police.referred': {
        title: 'Remisión a la policía',
        body: 'El caso {reference} se ha remitido a la policía de delitos económicos.',
      },
      'reminder.mediation_due': {
        title: 'Plazo de mediación',
        body: `{overdue, select, true {El plazo de un mes de mediación del caso {reference} terminó el {dueOn}.} other {El plazo de un mes de mediación del caso {reference} termina ${days.es} ({dueOn}).}}`,
      },
      'reminder.confirmation_window': {
        title: 'Plazo de confirmación judicial',
        body: `{overdue, select, true {El plazo de 30 días para solicitar la confirmación judicial del caso {reference} terminó el {dueOn}.} other {El plazo de 30 días para solicitar conjuntamente la confirmación judicial del caso {reference} termina ${days.es} ({dueOn}).}}`,
      },
      'reminder.court_acceptance': {
        title: 'Admisión judicial pendiente',
        body: 'El tribunal aún no ha decidido si admite la presentación del caso {reference}, hecha el {dueOn}. Normalmente decide en 3 días.',
      },
    },
  },
  fr: {
    subject: '{title} – dossier {reference}',
    openCase: 'Ouvrir le dossier',
    followCase: 'Suivre votre dossier',
    followHint:
      'Ce lien personnel vous connecte à votre dossier. Ne le transférez pas. Il reste valable {days, plural, one {# jour} other {# jours}}.',
    sessionWhen: 'Quand : {when} ({timeZone})',
    sessionWhere: 'Où : {where}',
    sessionOnline: 'En ligne : {url}',
    footer: 'Vous recevez ce message car vous participez au dossier {reference} auprès de {org}.',
    footerOptional: 'Vous pouvez choisir les e-mails que vous recevez dans vos paramètres.',
    footerRequired: 'Ceci est un avis obligatoire concernant votre dossier.',
    kinds: {
      'case.submitted': {
        title: 'Demande reçue',
        body: 'Nous avons reçu votre demande, enregistrée sous le dossier {reference}. Un agent décidera sous quelques jours si le comité l’accepte. La médiation est gratuite.',
      },
      'case.submitted.staff': {
        title: 'Nouvelle demande',
        body: 'Une nouvelle demande, le dossier {reference}, attend une décision.',
      },
      'case.accepted': {
        title: 'Demande acceptée',
        body: 'Le comité a accepté le dossier {reference} en médiation. La médiation se termine normalement en un mois. Nous vous indiquerons vos médiateurs.',
      },
      'party.invited': {
        title: 'Invitation à participer à une médiation',
        body: 'Vous êtes partie au dossier {reference}, que le comité médie gratuitement. Suivez le lien personnel ci-dessous pour consulter le dossier, présenter votre position et participer aux séances.',
      },
      'case.rejected': {
        title: 'Décision sur votre demande',
        body: 'Le comité a décidé de ne pas accepter le dossier {reference}. Les motifs figurent au dossier. Vous pouvez contester la décision.',
      },
      'case.rejection_appealed': {
        title: 'Recours contre un refus',
        body: 'Une partie a formé un recours contre le refus du dossier {reference}. Le recours et ses motifs figurent au dossier ; la décision vous revient.',
      },
      'case.rejection_appeal_decided': {
        title: 'Décision sur votre recours',
        body: 'Le comité a statué sur le recours du dossier {reference}. La décision et ses motifs figurent au dossier.',
      },
      'team.assigned': {
        title: 'Équipe de médiation désignée',
        body: 'Une équipe de médiation a été désignée pour le dossier {reference}. Les médiateurs figurent au dossier. Vous pouvez récuser une fois un médiateur, en motivant votre demande.',
      },
      'team.objection_raised': {
        title: 'Récusation d’un médiateur',
        body: 'Une partie a récusé un médiateur dans le dossier {reference}. Veuillez revoir l’équipe.',
      },
      'session.scheduled': {
        title: 'Séance de médiation planifiée',
        body: 'Une séance de médiation est planifiée dans le dossier {reference}. L’invitation de calendrier est jointe.',
      },
      'session.changed': {
        title: 'Séance de médiation modifiée',
        body: 'Une séance de médiation du dossier {reference} a été modifiée. L’invitation mise à jour est jointe.',
      },
      'session.cancelled': {
        title: 'Séance de médiation annulée',
        body: 'Une séance de médiation du dossier {reference} a été annulée.',
      },
      'session.recorded': {
        title: 'Procès-verbal de séance disponible',
        body: 'Le procès-verbal d’une séance de médiation du dossier {reference} est disponible.',
      },
      'message.posted': {
        title: 'Nouveau message',
        body: 'Un nouveau message a été publié dans le dossier {reference}.',
      },
      'evidence.uploaded': {
        title: 'Nouvelles pièces',
        body: 'Une partie à l’affaire {reference} a déposé de nouvelles pièces. Ouvrez le dossier pour les consulter.',
      },
      'agreement.ready_to_sign': {
        title: 'Accord prêt à signer',
        body: 'L’accord de médiation du dossier {reference} est prêt. Lisez chaque point, confirmez-le et signez.',
      },
      'translation.requested': {
        title: 'Traduction demandée',
        body: 'Une partie à l’affaire {reference} ne peut pas lire une partie {subject, select, agreement {de l’accord} other {d’un procès-verbal de séance}} et demande une traduction en {language}.',
      },
      'agreement.in_effect': {
        title: 'Accord en vigueur',
        body: 'L’accord de médiation du dossier {reference} a été signé par tous et revêtu du sceau du comité. Il est en vigueur. Les parties peuvent demander ensemble sa confirmation judiciaire dans un délai de 30 jours.',
      },
      'case.concluded': {
        title: 'Médiation terminée',
        body: 'La médiation du dossier {reference} est terminée. Le résultat figure au dossier.',
      },
      'confirmation.filed': {
        title: 'Demande de confirmation judiciaire déposée',
        body: 'La demande de confirmation judiciaire de l’accord du dossier {reference} a été déposée au tribunal.',
      },
      'confirmation.accepted': {
        title: 'Le tribunal a reçu la demande de confirmation',
        body: 'Le tribunal a accepté la demande de confirmation judiciaire du dossier {reference}.',
      },
      'confirmation.decided': {
        title: 'Décision du tribunal sur la confirmation',
        body: 'Le tribunal a statué sur la confirmation judiciaire du dossier {reference}. Le résultat figure au dossier.',
      },
      'referral.made': {
        title: 'Dossier transmis au tribunal',
        body: 'Le dossier {reference} a été transmis au tribunal. Le tribunal reçoit le dossier complet : la procédure ne repart pas de zéro.',
      },
      'referral.decided': {
        title: 'Résultat judiciaire enregistré',
        body: 'Le résultat judiciaire du dossier {reference} a été enregistré.',
      },
      'payment.recorded': {
        title: 'Paiement enregistré',
        body: 'Un paiement au titre de l’accord du dossier {reference} a été enregistré.',
      },
      'payment.reported': {
        title: 'Paiement déclaré',
        body: 'Une partie a déclaré un paiement avec un justificatif bancaire dans le dossier {reference}. Veuillez le vérifier ou le contester.',
      },
      'payment.verified': {
        title: 'Paiement vérifié',
        body: 'Le comité a vérifié un paiement déclaré dans le dossier {reference} ; il compte désormais au titre de l’accord.',
      },
      'payment.disputed': {
        title: 'Paiement déclaré contesté',
        body: 'Le comité n’a pas pu vérifier le paiement que vous avez déclaré dans le dossier {reference}. Ouvrez le dossier pour en lire le motif.',
      },
      'instalment.due_soon': {
        title: 'Échéance proche',
        body: 'L’échéance n° {seq} de l’accord du dossier {reference} est due le {dueOn}.',
      },
      'instalment.missed': {
        title: 'Échéance impayée',
        body: 'L’échéance n° {seq} de l’accord du dossier {reference} était due le {dueOn} et n’a pas été enregistrée comme payée.',
      },
      'follow_up.due': {
        title: 'Visite de suivi à effectuer',
        body: 'La visite de suivi du dossier {reference} est prévue le {dueOn}.',
      },
      'police.referred': {
        title: 'Signalement à la police',
        body: 'Le dossier {reference} a été transmis à la police économique.',
      },
      'reminder.mediation_due': {
        title: 'Délai de médiation',
        body: `{overdue, select, true {Le délai d’un mois de médiation du dossier {reference} a expiré le {dueOn}.} other {Le délai d’un mois de médiation du dossier {reference} expire ${days.fr} ({dueOn}).}}`,
      },
      'reminder.confirmation_window': {
        title: 'Délai de confirmation judiciaire',
        body: `{overdue, select, true {Le délai de 30 jours pour demander la confirmation judiciaire du dossier {reference} a expiré le {dueOn}.} other {Le délai de 30 jours pour demander ensemble la confirmation judiciaire du dossier {reference} expire ${days.fr} ({dueOn}).}}`,
      },
      'reminder.court_acceptance': {
        title: 'Recevabilité judiciaire en retard',
        body: 'Le tribunal n’a pas encore décidé de recevoir le dépôt du dossier {reference}, effectué le {dueOn}. Il décide normalement sous 3 jours.',
      },
    },
  },
  fa: {
    subject: '{title} – پرونده {reference}',
    openCase: 'باز کردن پرونده',
    followCase: 'پیگیری پرونده',
    followHint:
      'این پیوند شخصی شما را به پرونده‌تان وارد می‌کند. آن را برای دیگران نفرستید. این پیوند {days} روز معتبر است.',
    sessionWhen: 'زمان: {when} ({timeZone})',
    sessionWhere: 'مکان: {where}',
    sessionOnline: 'برخط: {url}',
    footer: 'این پیام را دریافت می‌کنید چون در پرونده {reference} نزد {org} مشارکت دارید.',
    footerOptional: 'می‌توانید در تنظیمات انتخاب کنید کدام ایمیل‌ها را دریافت کنید.',
    footerRequired: 'این یک اطلاعیه الزامی درباره پرونده شماست.',
    kinds: {
      'case.submitted': {
        title: 'درخواست دریافت شد',
        body: 'درخواست شما دریافت و با شماره پرونده {reference} ثبت شد. کارشناس پرونده ظرف چند روز درباره پذیرش آن تصمیم می‌گیرد. میانجی‌گری رایگان است.',
      },
      'case.submitted.staff': {
        title: 'درخواست جدید',
        body: 'درخواست جدیدی با شماره پرونده {reference} منتظر تصمیم است.',
      },
      'case.accepted': {
        title: 'درخواست پذیرفته شد',
        body: 'کمیته پرونده {reference} را برای میانجی‌گری پذیرفت. میانجی‌گری معمولاً ظرف یک ماه پایان می‌یابد. میانجی‌ها را به شما معرفی خواهیم کرد.',
      },
      'party.invited': {
        title: 'دعوت به شرکت در میانجی‌گری',
        body: 'شما طرف پرونده {reference} هستید که کمیته به‌طور رایگان در آن میانجی‌گری می‌کند. برای دیدن پرونده، بیان دیدگاه خود و شرکت در جلسات، پیوند شخصی زیر را دنبال کنید.',
      },
      'case.rejected': {
        title: 'تصمیم درباره درخواست شما',
        body: 'کمیته تصمیم گرفت پرونده {reference} را نپذیرد. دلایل در سوابق پرونده آمده است. می‌توانید به این تصمیم اعتراض کنید.',
      },
      'case.rejection_appealed': {
        title: 'اعتراض به رد پرونده',
        body: 'یکی از طرفین به رد پرونده \u2068{reference}\u2069 اعتراض کرده است. اعتراض و دلایل آن در سوابق پرونده آمده است و تصمیم با شماست.',
      },
      'case.rejection_appeal_decided': {
        title: 'تصمیم درباره اعتراض شما',
        body: 'کمیته درباره اعتراض در پرونده {reference} تصمیم گرفت. تصمیم و دلایل آن در سوابق پرونده آمده است.',
      },
      'team.assigned': {
        title: 'تیم میانجی‌گری تعیین شد',
        body: 'برای پرونده {reference} تیم میانجی‌گری تعیین شد. میانجی‌ها در سوابق پرونده آمده‌اند. می‌توانید یک بار با ذکر دلیل به یکی از آنان اعتراض کنید.',
      },
      'team.objection_raised': {
        title: 'اعتراض به میانجی',
        body: 'یکی از طرفین به میانجی پرونده {reference} اعتراض کرده است. لطفاً تیم را بررسی کنید.',
      },
      'session.scheduled': {
        title: 'جلسه میانجی‌گری تعیین شد',
        body: 'جلسه میانجی‌گری برای پرونده {reference} تعیین شد. دعوت‌نامه تقویم پیوست است.',
      },
      'session.changed': {
        title: 'جلسه میانجی‌گری تغییر کرد',
        body: 'جلسه میانجی‌گری پرونده {reference} تغییر کرد. دعوت‌نامه به‌روزشده پیوست است.',
      },
      'session.cancelled': {
        title: 'جلسه میانجی‌گری لغو شد',
        body: 'یک جلسه میانجی‌گری پرونده {reference} لغو شد.',
      },
      'session.recorded': {
        title: 'صورت‌جلسه آماده است',
        body: 'صورت‌جلسه میانجی‌گری پرونده {reference} برای مطالعه آماده است.',
      },
      'message.posted': {
        title: 'پیام جدید',
        body: 'پیام جدیدی در پرونده {reference} هست.',
      },
      'evidence.uploaded': {
        title: 'مدرک جدید',
        body: 'یکی از طرفین پرونده \u2068{reference}\u2069 مدرک جدیدی بارگذاری کرده است. برای دیدن آن پرونده را باز کنید.',
      },
      'agreement.ready_to_sign': {
        title: 'توافق‌نامه آماده امضا است',
        body: 'توافق‌نامه میانجی‌گری پرونده {reference} آماده است. لطفاً هر بند را بخوانید، تأیید کنید و امضا کنید.',
      },
      'translation.requested': {
        title: 'درخواست ترجمه',
        body: 'یکی از طرفین پرونده \u2068{reference}\u2069 نمی\u200cتواند بخشی از {subject, select, agreement {توافق\u200cنامه} other {صورت\u200cجلسه}} را بخواند و ترجمه به {language} را درخواست کرده است.',
      },
      'agreement.in_effect': {
        title: 'توافق‌نامه لازم‌الاجرا شد',
        body: 'توافق‌نامه میانجی‌گری پرونده {reference} را همه امضا کردند و کمیته مهر کرد؛ اکنون لازم‌الاجراست. طرفین می‌توانند ظرف ۳۰ روز به‌طور مشترک از دادگاه تأیید قضایی بخواهند.',
      },
      'case.concluded': {
        title: 'میانجی‌گری پایان یافت',
        body: 'میانجی‌گری پرونده {reference} پایان یافت. نتیجه در سوابق پرونده آمده است.',
      },
      'confirmation.filed': {
        title: 'درخواست تأیید قضایی ثبت شد',
        body: 'درخواست تأیید قضایی توافق‌نامه پرونده {reference} به دادگاه تقدیم شد.',
      },
      'confirmation.accepted': {
        title: 'دادگاه درخواست تأیید را پذیرفت',
        body: 'دادگاه درخواست تأیید قضایی پرونده {reference} را پذیرفت.',
      },
      'confirmation.decided': {
        title: 'تصمیم دادگاه درباره تأیید قضایی',
        body: 'دادگاه درباره تأیید قضایی پرونده {reference} تصمیم گرفت. نتیجه در سوابق پرونده آمده است.',
      },
      'referral.made': {
        title: 'پرونده به دادگاه ارجاع شد',
        body: 'پرونده {reference} برای رسیدگی به دادگاه ارجاع شد. دادگاه سوابق پرونده را دریافت می‌کند و رسیدگی از نو آغاز نمی‌شود.',
      },
      'referral.decided': {
        title: 'نتیجه دادگاه ثبت شد',
        body: 'نتیجه دادگاه برای پرونده {reference} ثبت شد.',
      },
      'payment.recorded': {
        title: 'پرداخت ثبت شد',
        body: 'پرداختی طبق توافق‌نامه پرونده {reference} ثبت شد.',
      },
      'payment.reported': {
        title: 'پرداخت گزارش شد',
        body: 'یکی از طرفین پرداختی را همراه با رسید بانکی در پرونده {reference} گزارش کرده است. لطفاً آن را تأیید کنید یا به آن اعتراض کنید.',
      },
      'payment.verified': {
        title: 'پرداخت تأیید شد',
        body: 'کمیته پرداخت گزارش‌شده در پرونده {reference} را تأیید کرد؛ اکنون در اجرای توافق‌نامه حساب می‌شود.',
      },
      'payment.disputed': {
        title: 'به پرداخت گزارش‌شده اعتراض شد',
        body: 'کمیته نتوانست پرداختی را که در پرونده {reference} گزارش کردید تأیید کند. برای خواندن دلیل، پرونده را باز کنید.',
      },
      'instalment.due_soon': {
        title: 'سررسید قسط نزدیک است',
        body: 'قسط شماره {seq} توافق‌نامه پرونده {reference} در {dueOn} سررسید می‌شود.',
      },
      'instalment.missed': {
        title: 'قسط پرداخت نشد',
        body: 'قسط شماره {seq} توافق‌نامه پرونده {reference} در {dueOn} سررسید شد و پرداخت آن ثبت نشده است.',
      },
      'follow_up.due': {
        title: 'زمان بازدید پیگیری',
        body: 'بازدید پیگیری پرونده {reference} برای {dueOn} است.',
      },
      'police.referred': {
        title: 'ارجاع به پلیس',
        body: 'پرونده {reference} به پلیس جرائم اقتصادی ارجاع شد.',
      },
      'reminder.mediation_due': {
        title: 'مهلت میانجی‌گری',
        body: `{overdue, select, true {مهلت یک‌ماهه میانجی‌گری پرونده {reference} در {dueOn} به پایان رسید.} other {مهلت یک‌ماهه میانجی‌گری پرونده {reference} ${days.fa} ({dueOn}) به پایان می‌رسد.}}`,
      },
      'reminder.confirmation_window': {
        title: 'مهلت تأیید قضایی',
        body: `{overdue, select, true {مهلت ۳۰ روزه درخواست تأیید قضایی پرونده {reference} در {dueOn} به پایان رسید.} other {مهلت ۳۰ روزه درخواست مشترک تأیید قضایی پرونده {reference} ${days.fa} ({dueOn}) به پایان می‌رسد.}}`,
      },
      'reminder.court_acceptance': {
        title: 'تأخیر دادگاه در پذیرش',
        body: 'دادگاه هنوز درباره پذیرش مدارک پرونده {reference} که در {dueOn} تقدیم شد تصمیم نگرفته است. دادگاه معمولاً ظرف ۳ روز تصمیم می‌گیرد.',
      },
    },
  },
  tr: {
    subject: '{title} – dosya {reference}',
    openCase: 'Dosyayı aç',
    followCase: 'Dosyanızı takip edin',
    followHint:
      'Bu kişisel bağlantı sizi dosyanıza giriş yaptırır. Başkasına iletmeyin. {days} gün geçerlidir.',
    sessionWhen: 'Zaman: {when} ({timeZone})',
    sessionWhere: 'Yer: {where}',
    sessionOnline: 'Çevrimiçi: {url}',
    footer:
      'Bu mesajı, {org} nezdindeki {reference} numaralı dosyada taraf olduğunuz için alıyorsunuz.',
    footerOptional: 'Hangi e-postaları alacağınızı ayarlardan seçebilirsiniz.',
    footerRequired: 'Bu, dosyanızla ilgili zorunlu bir bildirimdir.',
    kinds: {
      'case.submitted': {
        title: 'Başvuru alındı',
        body: 'Başvurunuz alındı ve {reference} numaralı dosya olarak kaydedildi. Dosya sorumlusu birkaç gün içinde kurulun başvuruyu kabul edip etmeyeceğine karar verecek. Arabuluculuk ücretsizdir.',
      },
      'case.submitted.staff': {
        title: 'Yeni başvuru',
        body: 'Yeni bir başvuru, {reference} numaralı dosya, karar bekliyor.',
      },
      'case.accepted': {
        title: 'Başvuru kabul edildi',
        body: 'Kurul {reference} numaralı dosyayı arabuluculuk için kabul etti. Arabuluculuk genellikle bir ay içinde sona erer. Arabulucularınızı size bildireceğiz.',
      },
      'party.invited': {
        title: 'Arabuluculuğa katılım daveti',
        body: 'Kurulun ücretsiz olarak arabuluculuk yaptığı {reference} numaralı dosyada tarafsınız. Dosyayı görmek, görüşünüzü bildirmek ve oturumlara katılmak için aşağıdaki kişisel bağlantıyı izleyin.',
      },
      'case.rejected': {
        title: 'Başvurunuz hakkında karar',
        body: 'Kurul {reference} numaralı dosyayı kabul etmemeye karar verdi. Gerekçeler dosya kaydındadır. Karara itiraz edebilirsiniz.',
      },
      'case.rejection_appealed': {
        title: 'Ret kararına itiraz',
        body: 'Bir taraf {reference} numaralı dosyanın reddine itiraz etti. İtiraz ve gerekçeleri dosya kaydında; karar sizin.',
      },
      'case.rejection_appeal_decided': {
        title: 'İtirazınız hakkında karar',
        body: 'Kurul {reference} numaralı dosyadaki itiraz hakkında karar verdi. Karar ve gerekçeleri dosya kaydındadır.',
      },
      'team.assigned': {
        title: 'Arabuluculuk ekibi atandı',
        body: '{reference} numaralı dosyaya bir arabuluculuk ekibi atandı. Arabulucuları dosya kaydında görebilirsiniz. Bir arabulucuya gerekçe göstererek bir kez itiraz edebilirsiniz.',
      },
      'team.objection_raised': {
        title: 'Arabulucuya itiraz',
        body: 'Bir taraf {reference} numaralı dosyadaki bir arabulucuya itiraz etti. Lütfen ekibi gözden geçirin.',
      },
      'session.scheduled': {
        title: 'Arabuluculuk oturumu planlandı',
        body: '{reference} numaralı dosyada bir arabuluculuk oturumu planlandı. Takvim daveti ektedir.',
      },
      'session.changed': {
        title: 'Arabuluculuk oturumu değişti',
        body: '{reference} numaralı dosyadaki bir arabuluculuk oturumu değişti. Güncel takvim daveti ektedir.',
      },
      'session.cancelled': {
        title: 'Arabuluculuk oturumu iptal edildi',
        body: '{reference} numaralı dosyadaki bir arabuluculuk oturumu iptal edildi.',
      },
      'session.recorded': {
        title: 'Oturum tutanağı hazır',
        body: '{reference} numaralı dosyadaki oturumun tutanağı incelemeye hazır.',
      },
      'message.posted': {
        title: 'Yeni mesaj',
        body: '{reference} numaralı dosyada yeni bir mesaj var.',
      },
      'evidence.uploaded': {
        title: 'Yeni delil',
        body: '{reference} numaralı dosyadaki bir taraf yeni bir delil yükledi. Görmek için dosyayı açın.',
      },
      'agreement.ready_to_sign': {
        title: 'Anlaşma imzaya hazır',
        body: '{reference} numaralı dosyadaki arabuluculuk anlaşması hazır. Lütfen her maddeyi okuyup onaylayın ve imzalayın.',
      },
      'translation.requested': {
        title: 'Çeviri istendi',
        body: '{reference} numaralı dosyadaki bir taraf {subject, select, agreement {anlaşmanın} other {bir oturum tutanağının}} bir bölümünü okuyamıyor ve {language} diline çeviri istedi.',
      },
      'agreement.in_effect': {
        title: 'Anlaşma yürürlükte',
        body: '{reference} numaralı dosyadaki arabuluculuk anlaşması herkes tarafından imzalandı ve kurulca mühürlendi; artık yürürlükte. Taraflar 30 gün içinde birlikte mahkemeden yargısal onay isteyebilir.',
      },
      'case.concluded': {
        title: 'Arabuluculuk sona erdi',
        body: '{reference} numaralı dosyada arabuluculuk sona erdi. Sonuç dosya kaydındadır.',
      },
      'confirmation.filed': {
        title: 'Yargısal onay başvurusu yapıldı',
        body: '{reference} numaralı dosyadaki anlaşmanın yargısal onayı için mahkemeye başvuruldu.',
      },
      'confirmation.accepted': {
        title: 'Mahkeme onay başvurusunu kabul etti',
        body: 'Mahkeme {reference} numaralı dosyadaki yargısal onay başvurusunu kabul etti.',
      },
      'confirmation.decided': {
        title: 'Yargısal onay hakkında mahkeme kararı',
        body: 'Mahkeme {reference} numaralı dosyadaki yargısal onay hakkında karar verdi. Sonuç dosya kaydındadır.',
      },
      'referral.made': {
        title: 'Dosya mahkemeye gönderildi',
        body: '{reference} numaralı dosya dava için mahkemeye gönderildi. Mahkeme dosyayı aldığı için süreç baştan başlamaz.',
      },
      'referral.decided': {
        title: 'Mahkeme sonucu kaydedildi',
        body: '{reference} numaralı dosyanın mahkeme sonucu kaydedildi.',
      },
      'payment.recorded': {
        title: 'Ödeme kaydedildi',
        body: '{reference} numaralı dosyadaki anlaşma kapsamında bir ödeme kaydedildi.',
      },
      'payment.reported': {
        title: 'Ödeme bildirildi',
        body: 'Bir taraf {reference} numaralı dosyada banka dekontuyla bir ödeme bildirdi. Lütfen doğrulayın veya itiraz edin.',
      },
      'payment.verified': {
        title: 'Ödeme doğrulandı',
        body: 'Komite {reference} numaralı dosyada bildirilen bir ödemeyi doğruladı; ödeme artık anlaşmaya sayılıyor.',
      },
      'payment.disputed': {
        title: 'Bildirilen ödemeye itiraz edildi',
        body: 'Komite {reference} numaralı dosyada bildirdiğiniz ödemeyi doğrulayamadı. Gerekçeyi okumak için dosyayı açın.',
      },
      'instalment.due_soon': {
        title: 'Taksit vadesi yaklaşıyor',
        body: '{reference} numaralı dosyadaki anlaşmanın {seq} numaralı taksidinin vadesi {dueOn}.',
      },
      'instalment.missed': {
        title: 'Taksit ödenmedi',
        body: '{reference} numaralı dosyadaki anlaşmanın {seq} numaralı taksidinin vadesi {dueOn} idi ve ödendiği kaydedilmedi.',
      },
      'follow_up.due': {
        title: 'İzleme ziyareti zamanı',
        body: '{reference} numaralı dosyanın izleme ziyareti {dueOn} tarihinde yapılmalı.',
      },
      'police.referred': {
        title: 'Polise sevk',
        body: '{reference} numaralı dosya ekonomik suçlar polisine sevk edildi.',
      },
      'reminder.mediation_due': {
        title: 'Arabuluculuk süresi',
        body: `{overdue, select, true {{reference} numaralı dosyanın bir aylık arabuluculuk süresi {dueOn} tarihinde doldu.} other {{reference} numaralı dosyanın bir aylık arabuluculuk süresi ${days.tr} ({dueOn}) doluyor.}}`,
      },
      'reminder.confirmation_window': {
        title: 'Yargısal onay süresi',
        body: `{overdue, select, true {{reference} numaralı dosyada yargısal onay başvurusu için 30 günlük süre {dueOn} tarihinde doldu.} other {{reference} numaralı dosyada ortak yargısal onay başvurusu için 30 günlük süre ${days.tr} ({dueOn}) doluyor.}}`,
      },
      'reminder.court_acceptance': {
        title: 'Mahkeme kabul kararı gecikti',
        body: 'Mahkeme, {reference} numaralı dosyada {dueOn} tarihinde yapılan başvuruyu kabul edip etmeyeceğine henüz karar vermedi. Mahkeme genellikle 3 gün içinde karar verir.',
      },
    },
  },
};
