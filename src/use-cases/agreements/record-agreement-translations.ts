import type { Kysely } from 'kysely';
import type { AgreementContent } from '../../domain/agreement-content.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import { agreementSections } from '../../domain/translation-coverage.js';
import type { Database } from '../../db/schema.js';
import {
  insertAgreementTranslations,
  listAgreementTranslations,
} from '../../db/repositories/agreement-translation-repository.js';

/** Credit for the translations into one language that an edit adds or changes. */
export interface TranslationCredit {
  /** A named outside translator; without one, the person saving the edit made them. */
  name?: string;
  /** A machine translation is a draft: it counts for no one until a named person approves it. */
  method?: 'human' | 'machine';
}

/**
 * Writes who made each translation of a new agreement version. A translation whose text is
 * unchanged from the version it supersedes keeps its translator, method and approval; a new or
 * changed one is credited to `translatedBy[lang]` or else to the actor, as of `at`.
 */
export async function recordAgreementTranslations(
  trx: Kysely<Database>,
  opts: {
    orgId: string;
    agreementId: string;
    content: AgreementContent;
    previous: { agreementId: string; content: AgreementContent } | null;
    actor: Actor;
    translatedBy: Record<string, TranslationCredit>;
    at: string;
  },
): Promise<void> {
  const before = new Map<string, string>();
  if (opts.previous) {
    for (const s of agreementSections(opts.previous.content))
      for (const [lang, text] of Object.entries(s.text.translations))
        before.set(`${s.key}:${lang}`, text);
  }
  const kept = new Map(
    (opts.previous ? await listAgreementTranslations(trx, opts.previous.agreementId) : []).map(
      (r) => [`${r.section}:${r.language}`, r],
    ),
  );
  const rows = agreementSections(opts.content).flatMap((s) =>
    Object.entries(s.text.translations)
      .filter(([, text]) => text.trim() !== '')
      .map(([language, text]) => {
        const key = `${s.key}:${language}`;
        const old = kept.get(key);
        if (old && before.get(key) === text) {
          return { ...old, id: newId(), agreement_id: opts.agreementId };
        }
        const credit = opts.translatedBy[language];
        return {
          id: newId(),
          org_id: opts.orgId,
          agreement_id: opts.agreementId,
          section: s.key,
          language,
          method: credit?.method ?? 'human',
          translator_user_id: credit?.name ? null : opts.actor.userId,
          translator_name: credit?.name ?? opts.actor.displayName,
          created_at: opts.at,
          approved_by: null,
          approved_name: null,
          approved_at: null,
        };
      }),
  );
  await insertAgreementTranslations(trx, rows);
}
