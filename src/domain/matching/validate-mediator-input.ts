import countries from 'i18n-iso-countries';
import { IANAZone } from 'luxon';
import { AppError } from '../app-error.js';
import { caseCategories } from '../dispute-categories.js';
import { isKnownLanguage } from '../language-families.js';
import { mediatorKinds, proficiencies, type MediatorKind, type Proficiency } from '../roles.js';
import { supportedLocales } from '../messages/supported-locales.js';

/** A mediator profile as the roster accepts it, from the API or a CSV row. */
export interface MediatorInput {
  displayName: string;
  kind: MediatorKind;
  nationality: string;
  languages: { code: string; proficiency: Proficiency }[];
  expertise: string[];
  caseLimit: number;
  email: string | null;
  phone: string | null;
  bio: Record<string, string>;
  timeZone: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9][0-9 ()-]{4,29}$/;

/**
 * Checks what a schema cannot (ISO codes, IANA zones) and names the offending field, so the
 * same rules give a 400 from the API and a row error from a CSV import.
 */
export function validateMediatorInput(m: MediatorInput): MediatorInput {
  const fail = (field: string) => new AppError('VALIDATION_FAILED', { field });
  const displayName = m.displayName.trim();
  if (displayName.length === 0 || displayName.length > 200) throw fail('displayName');
  if (!mediatorKinds.includes(m.kind)) throw fail('kind');
  const nationality = m.nationality.toUpperCase();
  if (!/^[A-Z]{2}$/.test(nationality) || !countries.isValid(nationality)) throw fail('nationality');
  if (m.languages.length === 0 || m.languages.length > 20) throw fail('languages');
  const seen = new Set<string>();
  m.languages.forEach((l, i) => {
    const code = l.code.toLowerCase();
    if (!isKnownLanguage(code) || seen.has(code)) throw fail(`languages.${i}.code`);
    seen.add(code);
    if (!proficiencies.includes(l.proficiency)) throw fail(`languages.${i}.proficiency`);
  });
  m.expertise.forEach((e, i) => {
    if (!(caseCategories as readonly string[]).includes(e)) throw fail(`expertise.${i}`);
  });
  if (!Number.isInteger(m.caseLimit) || m.caseLimit < 0 || m.caseLimit > 100)
    throw fail('caseLimit');
  if (m.email !== null && (m.email.length > 254 || !emailPattern.test(m.email)))
    throw fail('email');
  if (m.phone !== null && !phonePattern.test(m.phone)) throw fail('phone');
  for (const [locale, text] of Object.entries(m.bio)) {
    if (!(supportedLocales as readonly string[]).includes(locale) && !isKnownLanguage(locale)) {
      throw fail(`bio.${locale}`);
    }
    if (text.length > 2000) throw fail(`bio.${locale}`);
  }
  if (!IANAZone.isValidZone(m.timeZone)) throw fail('timeZone');
  return {
    ...m,
    displayName,
    nationality,
    languages: m.languages.map((l) => ({ code: l.code.toLowerCase(), proficiency: l.proficiency })),
    expertise: [...new Set(m.expertise)],
  };
}
