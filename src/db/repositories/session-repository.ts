import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, MediationSessionsTable } from '../schema.js';
import { newId } from '../../domain/new-id.js';

export type SessionRow = Selectable<MediationSessionsTable>;

export async function insertSession(
  trx: Kysely<Database>,
  row: Insertable<MediationSessionsTable>,
): Promise<void> {
  await trx.insertInto('mediation_sessions').values(row).execute();
}

export async function findSession(
  db: Kysely<Database>,
  caseId: string,
  sessionId: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function updateSession(
  trx: Kysely<Database>,
  sessionId: string,
  patch: Updateable<MediationSessionsTable>,
): Promise<void> {
  await trx.updateTable('mediation_sessions').set(patch).where('id', '=', sessionId).execute();
}

export async function listSessions(db: Kysely<Database>, caseId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('starts_at')
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

export async function listSessionConfirmations(db: Kysely<Database>, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  // Only confirmations of the record's current version count: a correction voids the others.
  return db
    .selectFrom('session_record_confirmations as c')
    .innerJoin('mediation_sessions as s', (j) =>
      j.onRef('s.id', '=', 'c.session_id').onRef('s.record_version', '=', 'c.record_version'),
    )
    .selectAll('c')
    .where('c.session_id', 'in', sessionIds)
    .orderBy('c.confirmed_at')
    .execute();
}

/** Records an attendee's confirmation; a second confirmation by the same attendee is a no-op. */
export async function insertSessionConfirmation(
  trx: Kysely<Database>,
  c: {
    orgId: string;
    sessionId: string;
    recordVersion: number;
    attendeeKind: string;
    attendeeId: string;
    userId: string;
    at: string;
  },
): Promise<boolean> {
  const r = await trx
    .insertInto('session_record_confirmations')
    .values({
      id: newId(),
      org_id: c.orgId,
      session_id: c.sessionId,
      record_version: c.recordVersion,
      attendee_kind: c.attendeeKind,
      attendee_id: c.attendeeId,
      user_id: c.userId,
      confirmed_at: c.at,
    })
    .onConflict((oc) =>
      oc.columns(['session_id', 'record_version', 'attendee_kind', 'attendee_id']).doNothing(),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Keeps a version of a session record (笔录): the first entry, or a correction with its reason. */
export async function insertSessionRecordRevision(
  trx: Kysely<Database>,
  r: {
    orgId: string;
    sessionId: string;
    recordVersion: number;
    recordJson: string;
    reason: string | null;
    createdBy: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('session_record_revisions')
    .values({
      id: newId(),
      org_id: r.orgId,
      session_id: r.sessionId,
      record_version: r.recordVersion,
      record_json: r.recordJson,
      reason: r.reason,
      created_by: r.createdBy,
      created_at: r.at,
    })
    .execute();
}

/** The parties of a case the user is (a user may represent more than one), with their languages. */
export async function listOwnCaseParties(db: Kysely<Database>, caseId: string, userId: string) {
  return db
    .selectFrom('case_parties')
    .select(['id', 'preferred_language', 'languages_json'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .execute();
}

/** The parties of a case with the languages they read, for the interpreter rule. */
export async function listCasePartyLanguages(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_parties')
    .select(['id', 'preferred_language', 'languages_json'])
    .where('case_id', '=', caseId)
    .execute();
}

/** The languages the given roster profiles speak (mediator_languages), any proficiency. */
export async function listMediatorLanguageCodes(
  db: Kysely<Database>,
  mediatorIds: string[],
): Promise<string[]> {
  if (mediatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('mediator_languages')
    .select('language')
    .where('mediator_id', 'in', mediatorIds)
    .execute();
  return [...new Set(rows.map((r) => r.language))];
}

/** Every version of the records of these sessions, oldest first, with who wrote each. */
export async function listSessionRecordRevisions(db: Kysely<Database>, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('session_record_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.session_id',
      'r.record_version',
      'r.reason',
      'r.created_at',
      'r.created_by',
      'u.display_name as created_by_name',
    ])
    .where('r.session_id', 'in', sessionIds)
    .orderBy('r.session_id')
    .orderBy('r.record_version')
    .execute();
}
