import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Cases still being mediated whose one-month period ends before `horizon` (or has ended). */
export async function listMediationDeadlines(db: Kysely<Database>, o: { horizon: string }) {
  return db
    .selectFrom('cases')
    .select(['id', 'org_id', 'mediation_due_at'])
    .where('status', 'in', ['accepted', 'in_mediation'])
    .where('mediation_due_at', 'is not', null)
    .where('mediation_due_at', '<=', o.horizon)
    .execute();
}

/**
 * Agreements in effect, with no confirmation filed yet, whose 30-day window closes within the
 * scan: effective between `effectiveFrom` and `effectiveTo`.
 */
export async function listConfirmationWindows(
  db: Kysely<Database>,
  o: { effectiveFrom: string; effectiveTo: string },
) {
  return db
    .selectFrom('agreements')
    .select(['agreements.id', 'agreements.org_id', 'agreements.case_id', 'agreements.effective_at'])
    .where('agreements.status', '=', 'in_effect')
    .where('agreements.effective_at', '>=', o.effectiveFrom)
    .where('agreements.effective_at', '<=', o.effectiveTo)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('court_filings')
            .select('court_filings.id')
            .whereRef('court_filings.case_id', '=', 'agreements.case_id')
            .where('court_filings.kind', '=', 'confirmation'),
        ),
      ),
    )
    .execute();
}

/** Filings the court has not accepted although they were filed before `filedBefore`. */
export async function listUnacceptedFilings(db: Kysely<Database>, o: { filedBefore: string }) {
  return db
    .selectFrom('court_filings')
    .select(['id', 'org_id', 'case_id', 'court_id', 'filed_at'])
    .where('status', '=', 'filed')
    .where('accepted_at', 'is', null)
    .where('filed_at', '<=', o.filedBefore)
    .execute();
}

export async function listOpenInstalments(db: Kysely<Database>, o: { dueOnOrBefore: string }) {
  return db
    .selectFrom('instalments')
    .select(['id', 'org_id', 'case_id', 'seq', 'due_on'])
    .where('status', '=', 'due')
    .where('due_on', '<=', o.dueOnOrBefore)
    .where((eb) => eb('paid_minor', '<', eb.ref('amount_minor')))
    .execute();
}

export async function listOpenFollowUps(db: Kysely<Database>, o: { dueOnOrBefore: string }) {
  return db
    .selectFrom('follow_ups')
    .select(['id', 'org_id', 'case_id', 'due_on'])
    .where('done_at', 'is', null)
    .where('due_on', '<=', o.dueOnOrBefore)
    .execute();
}
