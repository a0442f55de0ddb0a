import type { AreaMessageLoaders } from './AreaMessages';
import type { Messages } from './load-messages';

type Catalogue = () => Promise<{ default: Messages }>;

/** One language's catalogues of the committee's screens, loaded together as one area. */
function together(...parts: Catalogue[]): Catalogue {
  return async () => ({
    default: Object.assign({}, ...(await Promise.all(parts.map((p) => p()))).map((m) => m.default)),
  });
}

/**
 * The committee's own screens' strings, one chunk set per language, loaded with those screens
 * only: a public visitor never downloads them. staff/: director, court liaison, session record,
 * agreement drafting; case-actions/: the officer's lifecycle actions on a case; filings/: court
 * filings, payments and follow-up; calendar/: the mediator's calendar and availability.
 */
export const staffMessages: AreaMessageLoaders = {
  'zh-CN': together(
    () => import('../i18n/messages/staff/zh-CN.json'),
    () => import('../i18n/messages/case-actions/zh-CN.json'),
    () => import('../i18n/messages/filings/zh-CN.json'),
    () => import('../i18n/messages/calendar/zh-CN.json'),
  ),
  en: together(
    () => import('../i18n/messages/staff/en.json'),
    () => import('../i18n/messages/case-actions/en.json'),
    () => import('../i18n/messages/filings/en.json'),
    () => import('../i18n/messages/calendar/en.json'),
  ),
  ar: together(
    () => import('../i18n/messages/staff/ar.json'),
    () => import('../i18n/messages/case-actions/ar.json'),
    () => import('../i18n/messages/filings/ar.json'),
    () => import('../i18n/messages/calendar/ar.json'),
  ),
  ru: together(
    () => import('../i18n/messages/staff/ru.json'),
    () => import('../i18n/messages/case-actions/ru.json'),
    () => import('../i18n/messages/filings/ru.json'),
    () => import('../i18n/messages/calendar/ru.json'),
  ),
  es: together(
    () => import('../i18n/messages/staff/es.json'),
    () => import('../i18n/messages/case-actions/es.json'),
    () => import('../i18n/messages/filings/es.json'),
    () => import('../i18n/messages/calendar/es.json'),
  ),
  fr: together(
    () => import('../i18n/messages/staff/fr.json'),
    () => import('../i18n/messages/case-actions/fr.json'),
    () => import('../i18n/messages/filings/fr.json'),
    () => import('../i18n/messages/calendar/fr.json'),
  ),
  fa: together(
    () => import('../i18n/messages/staff/fa.json'),
    () => import('../i18n/messages/case-actions/fa.json'),
    () => import('../i18n/messages/filings/fa.json'),
    () => import('../i18n/messages/calendar/fa.json'),
  ),
  tr: together(
    () => import('../i18n/messages/staff/tr.json'),
    () => import('../i18n/messages/case-actions/tr.json'),
    () => import('../i18n/messages/filings/tr.json'),
    () => import('../i18n/messages/calendar/tr.json'),
  ),
};
