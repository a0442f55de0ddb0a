import type { AreaMessageLoaders } from '../../app/AreaMessages';

/**
 * The party's own one-off steps (appealing a rejection, objecting to a team member) and the
 * session form's refusal of a past time, one chunk per language, loaded with those screens only.
 */
export const partyStepsMessages: AreaMessageLoaders = {
  'zh-CN': () => import('../../i18n/messages/party-steps/zh-CN.json'),
  en: () => import('../../i18n/messages/party-steps/en.json'),
  ar: () => import('../../i18n/messages/party-steps/ar.json'),
  ru: () => import('../../i18n/messages/party-steps/ru.json'),
  es: () => import('../../i18n/messages/party-steps/es.json'),
  fr: () => import('../../i18n/messages/party-steps/fr.json'),
  fa: () => import('../../i18n/messages/party-steps/fa.json'),
  tr: () => import('../../i18n/messages/party-steps/tr.json'),
};
