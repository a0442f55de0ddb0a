import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The session record's strings (reading, confirming, correcting, the interpreter rule), shared by
 * the party's and the staff's sessions panels and loaded with them only (ADR 0013).
 */
export const sessionRecordMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/session-record/zh-CN.json'),
  en: () => import('../../i18n/messages/session-record/en.json'),
  ar: () => import('../../i18n/messages/session-record/ar.json'),
  ru: () => import('../../i18n/messages/session-record/ru.json'),
  es: () => import('../../i18n/messages/session-record/es.json'),
  fr: () => import('../../i18n/messages/session-record/fr.json'),
  fa: () => import('../../i18n/messages/session-record/fa.json'),
  tr: () => import('../../i18n/messages/session-record/tr.json'),
};
