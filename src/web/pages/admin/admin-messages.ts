import type { AreaMessageLoaders } from '../../app/AreaMessages';

/** The platform administrator's screen (committees), loaded with it only (ADR 0013). */
export const adminMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/admin/zh-CN.json'),
  en: () => import('../../i18n/messages/admin/en.json'),
  ar: () => import('../../i18n/messages/admin/ar.json'),
  ru: () => import('../../i18n/messages/admin/ru.json'),
  es: () => import('../../i18n/messages/admin/es.json'),
  fr: () => import('../../i18n/messages/admin/fr.json'),
  fa: () => import('../../i18n/messages/admin/fa.json'),
  tr: () => import('../../i18n/messages/admin/tr.json'),
};
