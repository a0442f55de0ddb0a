import type { AreaMessageLoaders } from '../../app/AreaMessages';

/** The party and verification screens' strings, one chunk per language, loaded with those screens only. */
export const partyMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/party/zh-CN.json'),
  en: () => import('../../i18n/messages/party/en.json'),
  ar: () => import('../../i18n/messages/party/ar.json'),
  ru: () => import('../../i18n/messages/party/ru.json'),
  es: () => import('../../i18n/messages/party/es.json'),
  fr: () => import('../../i18n/messages/party/fr.json'),
  fa: () => import('../../i18n/messages/party/fa.json'),
  tr: () => import('../../i18n/messages/party/tr.json'),
};
