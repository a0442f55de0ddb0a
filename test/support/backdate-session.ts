import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/**
 * Moves a booked session's start into the past, as if it had been booked in advance and then
 * held: the API books only starts still ahead (SESSION_IN_PAST), so a test that records a session
 * "held yesterday" books it ahead first and then turns the clock back on it here.
 */
export async function backdateSession(
  db: Kysely<Database>,
  sessionId: string,
  startsAtUtc: string,
): Promise<void> {
  await db
    .updateTable('mediation_sessions')
    .set({ starts_at: startsAtUtc })
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
}
