import type { LocalizedText } from './agreement-content.js';
import type { SessionRecord } from './session-record.js';
import { baseLanguage, readableLanguages, type SectionKey } from './translation-coverage.js';

/**
 * A session record (笔录) is one text, its minutes, named `minutes` wherever a refusal names
 * sections (TRANSLATION_MISSING details), so the agreement's coverage functions apply unchanged.
 */
export function sessionRecordSections(
  record: SessionRecord,
): { key: SectionKey; text: LocalizedText }[] {
  return [
    {
      key: 'minutes',
      text: { lang: record.lang, text: record.text, translations: record.translations },
    },
  ];
}

/**
 * "三必" (interpreter, translation, record): the attending parties that no attending team
 * member can speak to in a language the party reads. Each of them needs an interpreter present,
 * or an officer's recorded reason why there was none.
 */
export function findPartiesWithoutCommonLanguage(
  parties: readonly { id: string; preferredLanguage: string; languages: readonly string[] }[],
  mediatorLanguages: readonly string[],
): string[] {
  const spoken = new Set(mediatorLanguages.map(baseLanguage));
  return parties.filter((p) => !readableLanguages(p).some((l) => spoken.has(l))).map((p) => p.id);
}
