import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The officer's queue filters and the court liaison's docket additions (late acceptance, the
 * result confirmation), one chunk per language, loaded with those two screens only.
 */
export const queueMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/queue/zh-CN.json'),
  en: () => import('../../i18n/messages/queue/en.json'),
  ar: () => import('../../i18n/messages/queue/ar.json'),
  ru: () => import('../../i18n/messages/queue/ru.json'),
  es: () => import('../../i18n/messages/queue/es.json'),
  fr: () => import('../../i18n/messages/queue/fr.json'),
  fa: () => import('../../i18n/messages/queue/fa.json'),
  tr: () => import('../../i18n/messages/queue/tr.json'),
};
