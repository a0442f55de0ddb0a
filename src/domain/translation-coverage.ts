import type { AgreementContent, LocalizedText } from './agreement-content.js';

/**
 * Language is the spine of the record: a party confirms or signs only text that exists in a
 * language the party reads, or that an interpreter sight-translated for them (attested). These
 * functions say which parts of a text a party cannot read; the use cases refuse with
 * 409 TRANSLATION_MISSING naming them.
 */

/** An agreement section or point, named as `details.sections` names it: `facts`, `points.3`. */
export type SectionKey = string;

export const agreementSectionKeys = [
  'facts',
  'disputedMatters',
  'responsibilities',
  'performanceMethod',
] as const;

/** Every text of an agreement in reading order: the Art. 29 sections, then the points. */
export function agreementSections(
  content: AgreementContent,
): { key: SectionKey; text: LocalizedText }[] {
  return [
    { key: 'facts', text: content.facts },
    { key: 'disputedMatters', text: content.disputedMatters },
    { key: 'responsibilities', text: content.responsibilities },
    ...content.points.map((p) => ({ key: `points.${p.no}`, text: p.text })),
    { key: 'performanceMethod', text: content.performanceMethod },
  ];
}

/** The base ISO 639 code of a tag: `zh-CN` → `zh`. */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0]!;
}

/** The languages a party reads: the preferred one first, then the others they declared. */
export function readableLanguages(party: {
  preferredLanguage: string;
  languages: readonly string[];
}): string[] {
  return [...new Set([party.preferredLanguage, ...party.languages].map(baseLanguage))];
}

/**
 * The languages a text exists in for reading. A translation listed in `unapproved` (a machine
 * draft no named person has approved yet, keyed `section:lang`) does not count.
 */
export function languagesOfText(
  key: SectionKey,
  text: LocalizedText,
  unapproved: ReadonlySet<string> = new Set(),
): string[] {
  const out = [baseLanguage(text.lang)];
  for (const [lang, t] of Object.entries(text.translations)) {
    if (t.trim() === '' || unapproved.has(`${key}:${lang}`)) continue;
    out.push(baseLanguage(lang));
  }
  return [...new Set(out)];
}

export interface MissingTranslation {
  /** The sections or points the party cannot read, e.g. ['facts', 'points.2']. */
  sections: SectionKey[];
  /** The languages the party reads, none of which these sections exist in. */
  languages: string[];
}

/**
 * The sections a party cannot read: in none of the party's languages and not sight-translated
 * for them. Empty means the party may confirm or sign.
 */
export function findUnreadableSections(
  sections: readonly { key: SectionKey; text: LocalizedText }[],
  readable: readonly string[],
  opts: { unapproved?: ReadonlySet<string>; sightTranslated?: ReadonlySet<SectionKey> } = {},
): MissingTranslation | null {
  const missing = sections
    .filter((s) => !opts.sightTranslated?.has(s.key))
    .filter(
      (s) => !languagesOfText(s.key, s.text, opts.unapproved).some((l) => readable.includes(l)),
    )
    .map((s) => s.key);
  return missing.length === 0 ? null : { sections: missing, languages: [...readable] };
}

/**
 * The team's translation checklist: per language a party of the case reads, the sections and
 * points that do not exist in that language yet ("3 points missing in Persian").
 */
export function missingByLanguage(
  sections: readonly { key: SectionKey; text: LocalizedText }[],
  languages: readonly string[],
  unapproved: ReadonlySet<string> = new Set(),
): { language: string; sections: SectionKey[] }[] {
  return languages.map((language) => ({
    language,
    sections: sections
      .filter((s) => !languagesOfText(s.key, s.text, unapproved).includes(language))
      .map((s) => s.key),
  }));
}
