import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The strings of payments a party reports (the party's report form, the committee's
 * verification), shared by the party's and the staff's performance panels and loaded with them
 * only (ADR 0013).
 */
export const paymentsMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/payments/zh-CN.json'),
  en: () => import('../../i18n/messages/payments/en.json'),
  ar: () => import('../../i18n/messages/payments/ar.json'),
  ru: () => import('../../i18n/messages/payments/ru.json'),
  es: () => import('../../i18n/messages/payments/es.json'),
  fr: () => import('../../i18n/messages/payments/fr.json'),
  fa: () => import('../../i18n/messages/payments/fa.json'),
  tr: () => import('../../i18n/messages/payments/tr.json'),
};
