import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CourtFilingsTable, Database } from '../schema.js';

export type CourtFilingRow = Selectable<CourtFilingsTable>;

export async function listCourtsOfOrg(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('courts')
    .select(['id', 'name', 'name_en', 'kind', 'is_seat_court', 'is_docking_centre'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
}

export async function insertCourtFiling(
  db: Kysely<Database>,
  row: Insertable<CourtFilingsTable>,
): Promise<void> {
  await db.insertInto('court_filings').values(row).execute();
}

export async function findCourtFiling(
  db: Kysely<Database>,
  filingId: string,
): Promise<CourtFilingRow | undefined> {
  return db.selectFrom('court_filings').selectAll().where('id', '=', filingId).executeTakeFirst();
}

export async function listCourtFilingsOfCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<CourtFilingRow[]> {
  return db
    .selectFrom('court_filings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
}

/** A court's docket: what has been filed with it, newest first, optionally by status. */
export async function listCourtFilingsOfCourts(
  db: Kysely<Database>,
  courtIds: string[],
  status?: string,
): Promise<(CourtFilingRow & { case_reference: string })[]> {
  if (courtIds.length === 0) return [];
  let q = db
    .selectFrom('court_filings')
    .innerJoin('cases', 'cases.id', 'court_filings.case_id')
    .selectAll('court_filings')
    .select('cases.reference as case_reference')
    .where('court_filings.court_id', 'in', courtIds);
  if (status) q = q.where('court_filings.status', '=', status);
  return q.orderBy('court_filings.filed_at', 'desc').limit(500).execute();
}

/** Moves a filing on only from `fromStatus`: a second, concurrent recording is refused. */
export async function updateCourtFilingFromStatus(
  db: Kysely<Database>,
  filingId: string,
  fromStatus: string,
  patch: Updateable<CourtFilingsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('court_filings')
    .set(patch)
    .where('id', '=', filingId)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The dossier's contents list for a court package: what exists, never the files themselves.
 * Files of a private caucus are not part of it: what a side said in confidence stays out of court.
 */
export async function listDossierDocuments(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'kind', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('case_id', '=', caseId)
    .where('channel', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countHeldSessions(db: Kysely<Database>, caseId: string): Promise<number> {
  const r = await db
    .selectFrom('mediation_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'held')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
