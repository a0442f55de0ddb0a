import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PaymentReportsTable } from '../schema.js';

export type PaymentReportRow = Selectable<PaymentReportsTable>;

export async function insertPaymentReport(
  trx: Kysely<Database>,
  row: Insertable<PaymentReportsTable>,
): Promise<void> {
  await trx.insertInto('payment_reports').values(row).execute();
}

/** The reports of a case, oldest first, with the bank slip's file name. */
export async function listPaymentReportsOfCase(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('payment_reports as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .selectAll('r')
    .select(['d.filename as document_filename', 'd.media_type as document_media_type'])
    .where('r.case_id', '=', caseId)
    .orderBy('r.reported_at')
    .orderBy('r.id')
    .execute();
}

export async function findPaymentReport(
  db: Kysely<Database>,
  caseId: string,
  reportId: string,
): Promise<PaymentReportRow | undefined> {
  return db
    .selectFrom('payment_reports')
    .selectAll()
    .where('id', '=', reportId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/**
 * Records the officer's decision on a report still awaiting one. Returns false when another
 * decision got there first (the row is no longer `reported`), so a report is decided once.
 */
export async function decidePaymentReport(
  trx: Kysely<Database>,
  reportId: string,
  decision: {
    status: 'verified' | 'disputed';
    decided_by: string;
    decided_at: string;
    dispute_reason?: string | null;
    payment_id?: string | null;
  },
): Promise<boolean> {
  const r = await trx
    .updateTable('payment_reports')
    .set(decision)
    .where('id', '=', reportId)
    .where('status', '=', 'reported')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
