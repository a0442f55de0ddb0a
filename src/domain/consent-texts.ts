/**
 * The consent texts a party agrees to, by kind, with the version of the wording in force. A
 * stored consent names its version, so that a later change of wording never rewrites what a
 * party agreed to (PIPL Art. 14: consent must be informed, and re-obtained when purposes change).
 */
export const consentTextVersions = {
  /** Processing of personal information for the mediation (PIPL Art. 13(1)). */
  processing: 'pipl-processing-2026-01',
  /**
   * Separate consent to provide personal information across the border (PIPL Art. 39). Required
   * whenever any party is outside mainland China: the foreign party's data reaches the committee
   * from abroad, and the Chinese party's data goes abroad to the foreign party and mediators.
   */
  cross_border: 'pipl-cross-border-2026-01',
  /** A party's consent to extend the one-month mediation period (DESIGN §2). */
  extension: 'mediation-extension-2026-01',
} as const;

export const intakeConsentKinds = ['processing', 'cross_border'] as const;
export type IntakeConsentKind = (typeof intakeConsentKinds)[number];

/** Parties in mainland China are domestic; every other ISO 3166 country is foreign. */
export const HOME_COUNTRY = 'CN';
export const isForeignCountry = (country: string): boolean => country !== HOME_COUNTRY;
