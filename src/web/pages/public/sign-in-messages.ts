import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The sign-in screens' own strings (asking for a sign-in link, opening it, signing out on all
 * devices), one chunk per language, loaded with those screens only.
 */
export const signInMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/sign-in/zh-CN.json'),
  en: () => import('../../i18n/messages/sign-in/en.json'),
  ar: () => import('../../i18n/messages/sign-in/ar.json'),
  ru: () => import('../../i18n/messages/sign-in/ru.json'),
  es: () => import('../../i18n/messages/sign-in/es.json'),
  fr: () => import('../../i18n/messages/sign-in/fr.json'),
  fa: () => import('../../i18n/messages/sign-in/fa.json'),
  tr: () => import('../../i18n/messages/sign-in/tr.json'),
};
