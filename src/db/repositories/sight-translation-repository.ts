import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SightTranslationsTable } from '../schema.js';

export type SightTranslationRow = Selectable<SightTranslationsTable>;
export type SightTranslationSubject = 'agreement' | 'session_record';

export async function insertSightTranslation(
  trx: Kysely<Database>,
  row: Insertable<SightTranslationsTable>,
): Promise<void> {
  await trx.insertInto('sight_translations').values(row).execute();
}

/** The attestations for one version of one text, oldest first (confirmed or not). */
export async function listSightTranslations(
  db: Kysely<Database>,
  s: { subjectKind: SightTranslationSubject; subjectId: string; subjectVersion: number },
): Promise<SightTranslationRow[]> {
  return db
    .selectFrom('sight_translations')
    .selectAll()
    .where('subject_kind', '=', s.subjectKind)
    .where('subject_id', '=', s.subjectId)
    .where('subject_version', '=', s.subjectVersion)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The caller's roster profile in the committee, if it speaks `language`: the interpreter an
 * attestation names. Whether the profile is on the case's team is the use case's question.
 */
export async function findSpeakingProfileOfUser(
  db: Kysely<Database>,
  q: { orgId: string; userId: string; language: string },
) {
  return db
    .selectFrom('mediator_profiles as p')
    .innerJoin('mediator_languages as l', 'l.mediator_id', 'p.id')
    .select(['p.id', 'p.kind', 'p.display_name'])
    .where('p.org_id', '=', q.orgId)
    .where('p.user_id', '=', q.userId)
    .where('p.active', '=', 1)
    .where('l.language', '=', q.language)
    .executeTakeFirst();
}
