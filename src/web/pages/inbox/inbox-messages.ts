import type { AreaMessageLoaders } from '../../app/AreaMessages';

/** The inbox page's strings, loaded with it only (ADR 0013); the bell's label is in the shell's. */
export const inboxMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/inbox/zh-CN.json'),
  en: () => import('../../i18n/messages/inbox/en.json'),
  ar: () => import('../../i18n/messages/inbox/ar.json'),
  ru: () => import('../../i18n/messages/inbox/ru.json'),
  es: () => import('../../i18n/messages/inbox/es.json'),
  fr: () => import('../../i18n/messages/inbox/fr.json'),
  fa: () => import('../../i18n/messages/inbox/fa.json'),
  tr: () => import('../../i18n/messages/inbox/tr.json'),
};
