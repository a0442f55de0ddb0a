import type { AreaMessageLoaders } from './AreaMessages';

/**
 * The committee's own screens' strings (director, court liaison, session record, agreement
 * drafting), one chunk per language, loaded with those screens only: a public visitor never
 * downloads them.
 */
export const staffMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../i18n/messages/staff/zh-CN.json'),
  en: () => import('../i18n/messages/staff/en.json'),
  ar: () => import('../i18n/messages/staff/ar.json'),
  ru: () => import('../i18n/messages/staff/ru.json'),
  es: () => import('../i18n/messages/staff/es.json'),
  fr: () => import('../i18n/messages/staff/fr.json'),
  fa: () => import('../i18n/messages/staff/fa.json'),
  tr: () => import('../i18n/messages/staff/tr.json'),
};
