import type { Kysely } from 'kysely';
import { agreementContent, type AgreementContent } from '../../domain/agreement-content.js';
import { AppError } from '../../domain/app-error.js';
import {
  agreementSections,
  findUnreadableSections,
  readableLanguages,
  type SectionKey,
} from '../../domain/translation-coverage.js';
import type { Database } from '../../db/schema.js';
import type {
  AgreementRow,
  CasePartyForAgreement,
} from '../../db/repositories/agreement-repository.js';
import {
  listAgreementTranslations,
  type AgreementTranslationRow,
} from '../../db/repositories/agreement-translation-repository.js';
import {
  listSightTranslations,
  type SightTranslationRow,
} from '../../db/repositories/sight-translation-repository.js';

export interface PartyReadability {
  partyId: string;
  /** The languages the party reads. */
  languages: string[];
  /** Sections and points the party cannot read yet; empty when they may confirm and sign. */
  missingSections: SectionKey[];
}

export interface AgreementReadability {
  content: AgreementContent;
  sections: ReturnType<typeof agreementSections>;
  /** `section:lang` of machine translations no named person has approved: not yet readable. */
  unapproved: Set<string>;
  translations: AgreementTranslationRow[];
  sightTranslations: SightTranslationRow[];
  parties: PartyReadability[];
}

/**
 * What each party of the case can read of one agreement version: the text in the party's
 * languages (approved translations only), or all of it when an interpreter's sight translation
 * for that party is attested and confirmed by the interpreter.
 */
export async function assessAgreementReadability(
  db: Kysely<Database>,
  a: AgreementRow,
  parties: readonly CasePartyForAgreement[],
): Promise<AgreementReadability> {
  const content = agreementContent.parse(JSON.parse(a.content_json));
  const sections = agreementSections(content);
  const [translations, sightTranslations] = await Promise.all([
    listAgreementTranslations(db, a.id),
    listSightTranslations(db, {
      subjectKind: 'agreement',
      subjectId: a.id,
      subjectVersion: a.version,
    }),
  ]);
  const unapproved = new Set(
    translations
      .filter((t) => t.method === 'machine' && t.approved_at === null)
      .map((t) => `${t.section}:${t.language}`),
  );
  const allSections = new Set(sections.map((s) => s.key));
  return {
    content,
    sections,
    unapproved,
    translations,
    sightTranslations,
    parties: parties.map((p) => {
      const languages = readableLanguages(p);
      const interpreted = sightTranslations.some(
        (s) => s.party_id === p.id && s.confirmed_at !== null,
      );
      const missing = findUnreadableSections(sections, languages, {
        unapproved,
        sightTranslated: interpreted ? allSections : undefined,
      });
      return { partyId: p.id, languages, missingSections: missing?.sections ?? [] };
    }),
  };
}

/**
 * Refuses with 409 TRANSLATION_MISSING unless the party can read `sections` (all of them when
 * omitted): the rule behind every confirmation and signature a party gives.
 */
export function requireReadableBy(
  r: AgreementReadability,
  partyId: string,
  sections?: readonly SectionKey[],
): void {
  const p = r.parties.find((x) => x.partyId === partyId);
  if (!p) throw new AppError('NOT_FOUND');
  const missing = p.missingSections.filter((s) => !sections || sections.includes(s));
  if (missing.length > 0) {
    throw new AppError('TRANSLATION_MISSING', {
      params: { count: missing.length },
      details: { partyId, sections: missing, languages: p.languages },
    });
  }
}
