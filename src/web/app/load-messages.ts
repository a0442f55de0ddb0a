import type { Locale } from './locales';

export type Messages = Record<string, string>;

/** One JSON chunk per language: a visitor downloads only the language they read. */
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  'zh-CN': () => import('../i18n/messages/zh-CN.json'),
  en: () => import('../i18n/messages/en.json'),
  ar: () => import('../i18n/messages/ar.json'),
  ru: () => import('../i18n/messages/ru.json'),
  es: () => import('../i18n/messages/es.json'),
  fr: () => import('../i18n/messages/fr.json'),
  fa: () => import('../i18n/messages/fa.json'),
  tr: () => import('../i18n/messages/tr.json'),
};

export async function loadMessages(l: Locale): Promise<Messages> {
  return (await loaders[l]()).default;
}
