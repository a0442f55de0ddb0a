import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The conversation's strings (channels, the private caucus, unread markers, translations,
 * evidence), shared by the party's page and the staff's workspace and loaded with them only
 * (ADR 0013).
 */
export const conversationMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/conversation/zh-CN.json'),
  en: () => import('../../i18n/messages/conversation/en.json'),
  ar: () => import('../../i18n/messages/conversation/ar.json'),
  ru: () => import('../../i18n/messages/conversation/ru.json'),
  es: () => import('../../i18n/messages/conversation/es.json'),
  fr: () => import('../../i18n/messages/conversation/fr.json'),
  fa: () => import('../../i18n/messages/conversation/fa.json'),
  tr: () => import('../../i18n/messages/conversation/tr.json'),
};
