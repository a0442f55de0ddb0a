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
  return db
    .selectFrom('session_confirmations')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('confirmed_at')
    .execute();
}

/** Records an attendee's confirmation; a second confirmation by the same attendee is a no-op. */
export async function insertSessionConfirmation(
  trx: Kysely<Database>,
  c: {
    orgId: string;
    sessionId: string;
    attendeeKind: string;
    attendeeId: string;
    userId: string;
    at: string;
  },
): Promise<boolean> {
  const r = await trx
    .insertInto('session_confirmations')
    .values({
      id: newId(),
      org_id: c.orgId,
      session_id: c.sessionId,
      attendee_kind: c.attendeeKind,
      attendee_id: c.attendeeId,
      user_id: c.userId,
      confirmed_at: c.at,
    })
    .onConflict((oc) => oc.columns(['session_id', 'attendee_kind', 'attendee_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
