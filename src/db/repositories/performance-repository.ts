import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  Database,
  FollowUpsTable,
  InstalmentsTable,
  PaymentsTable,
  PoliceReferralsTable,
} from '../schema.js';

export type InstalmentRow = Selectable<InstalmentsTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type FollowUpRow = Selectable<FollowUpsTable>;

export async function insertInstalments(
  db: Kysely<Database>,
  rows: Insertable<InstalmentsTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('instalments').values(rows).execute();
}

/** Instalments of the agreement in effect (and of earlier ones), in due order. */
export async function listInstalmentsOfCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<InstalmentRow[]> {
  return db
    .selectFrom('instalments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('due_on')
    .orderBy('seq')
    .execute();
}

export async function updateInstalment(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<InstalmentsTable>,
): Promise<void> {
  await db.updateTable('instalments').set(patch).where('id', '=', id).execute();
}

/** Instalments of a superseded agreement that were still owed no longer bind anyone. */
export async function cancelOpenInstalmentsOfAgreement(
  db: Kysely<Database>,
  agreementId: string,
): Promise<void> {
  await db
    .updateTable('instalments')
    .set({ status: 'cancelled' })
    .where('agreement_id', '=', agreementId)
    .where('status', 'in', ['due', 'missed'])
    .execute();
}

/**
 * Unpaid instalments due on or before `cutoff` on cases still being performed: the candidates
 * for breach. Optionally restricted to some organisations.
 */
export async function listOverdueInstalments(
  db: Kysely<Database>,
  cutoff: string,
  orgIds?: string[],
): Promise<
  { id: string; org_id: string; case_id: string; seq: number; due_on: string; version: number }[]
> {
  let q = db
    .selectFrom('instalments')
    .innerJoin('cases', 'cases.id', 'instalments.case_id')
    .select([
      'instalments.id',
      'instalments.org_id',
      'instalments.case_id',
      'instalments.seq',
      'instalments.due_on',
      'cases.version',
    ])
    .where('instalments.status', '=', 'due')
    .where('instalments.due_on', '<=', cutoff)
    .where('cases.status', 'in', ['agreed', 'performing']);
  if (orgIds) {
    if (orgIds.length === 0) return [];
    q = q.where('cases.org_id', 'in', orgIds);
  }
  return q.orderBy('instalments.case_id').orderBy('instalments.seq').execute();
}

export async function insertPayment(
  db: Kysely<Database>,
  row: Insertable<PaymentsTable>,
): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

export async function listPaymentsOfCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<PaymentRow[]> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('paid_on')
    .orderBy('recorded_at')
    .execute();
}

/** Adds to the case's running total of losses recovered (CNY fen, fixed at payment time). */
export async function addRecoveredCny(
  db: Kysely<Database>,
  caseId: string,
  cnyMinor: number,
): Promise<void> {
  await db
    .updateTable('cases')
    .set({ recovered_cny_minor: sql`recovered_cny_minor + ${cnyMinor}` })
    .where('id', '=', caseId)
    .execute();
}

export async function insertFollowUp(
  db: Kysely<Database>,
  row: Insertable<FollowUpsTable>,
): Promise<void> {
  await db.insertInto('follow_ups').values(row).execute();
}

export async function listFollowUpsOfCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<FollowUpRow[]> {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('due_on')
    .execute();
}

/** Records a visit on a follow-up not yet done; false if it was already recorded. */
export async function completeFollowUp(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<FollowUpsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('follow_ups')
    .set(patch)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPoliceReferral(
  db: Kysely<Database>,
  row: Insertable<PoliceReferralsTable>,
): Promise<void> {
  await db.insertInto('police_referrals').values(row).execute();
}

export async function listPoliceReferralsOfCase(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('police_referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('referred_at')
    .execute();
}
