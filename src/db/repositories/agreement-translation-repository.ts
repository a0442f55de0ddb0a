import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AgreementTranslationsTable, Database } from '../schema.js';

export type AgreementTranslationRow = Selectable<AgreementTranslationsTable>;

export async function listAgreementTranslations(
  db: Kysely<Database>,
  agreementId: string,
): Promise<AgreementTranslationRow[]> {
  return db
    .selectFrom('agreement_translations')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('section')
    .orderBy('language')
    .execute();
}

export async function insertAgreementTranslations(
  trx: Kysely<Database>,
  rows: Insertable<AgreementTranslationsTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('agreement_translations')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Approves a machine translation once; false when there is none to approve. */
export async function approveAgreementTranslation(
  trx: Kysely<Database>,
  a: {
    agreementId: string;
    section: string;
    language: string;
    userId: string;
    name: string;
    at: string;
  },
): Promise<boolean> {
  const r = await trx
    .updateTable('agreement_translations')
    .set({ approved_by: a.userId, approved_name: a.name, approved_at: a.at })
    .where('agreement_id', '=', a.agreementId)
    .where('section', '=', a.section)
    .where('language', '=', a.language)
    .where('method', '=', 'machine')
    .where('approved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Who owes the translation into each language of a case, named as on the roster. */
export async function listTranslationAssignments(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('translation_assignments as t')
    .innerJoin('mediator_profiles as p', (j) =>
      j.onRef('p.user_id', '=', 't.assignee_user_id').onRef('p.org_id', '=', 't.org_id'),
    )
    .select(['t.language', 't.assignee_user_id', 'p.display_name'])
    .where('t.case_id', '=', caseId)
    .orderBy('t.language')
    .execute();
}

export async function upsertTranslationAssignment(
  trx: Kysely<Database>,
  row: Insertable<Database['translation_assignments']>,
): Promise<void> {
  await trx
    .insertInto('translation_assignments')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['case_id', 'language']).doUpdateSet({
        assignee_user_id: row.assignee_user_id,
        assigned_by: row.assigned_by,
        assigned_at: row.assigned_at,
      }),
    )
    .execute();
}
