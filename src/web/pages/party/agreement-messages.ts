import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The agreement screens' strings (the party's reading and signing, the team's bilingual drafting,
 * checklist, preview and freezing), one chunk per language, loaded with those screens only.
 */
export const agreementMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/agreement/zh-CN.json'),
  en: () => import('../../i18n/messages/agreement/en.json'),
  ar: () => import('../../i18n/messages/agreement/ar.json'),
  ru: () => import('../../i18n/messages/agreement/ru.json'),
  es: () => import('../../i18n/messages/agreement/es.json'),
  fr: () => import('../../i18n/messages/agreement/fr.json'),
  fa: () => import('../../i18n/messages/agreement/fa.json'),
  tr: () => import('../../i18n/messages/agreement/tr.json'),
};
