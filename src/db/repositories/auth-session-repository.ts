import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function insertAuthSession(
  db: Kysely<Database>,
  s: {
    id: string;
    userId: string;
    tokenHash: string;
    at: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
    restriction?: string | null;
    /** Party sessions slide: each renewal moves the expiry this many days past it. */
    slidingDays?: number | null;
  },
): Promise<void> {
  await db
    .insertInto('auth_sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      token_hash: s.tokenHash,
      created_at: s.at,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      restriction: s.restriction ?? null,
      sliding_days: s.slidingDays ?? null,
    })
    .execute();
}

export async function findLiveAuthSession(db: Kysely<Database>, tokenHash: string, now: string) {
  return db
    .selectFrom('auth_sessions')
    .select(['id', 'user_id', 'expires_at', 'restriction'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function revokeAuthSession(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<void> {
  await db.updateTable('auth_sessions').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function countLoginFailuresSince(
  db: Kysely<Database>,
  scope: string,
  since: string,
): Promise<number> {
  const r = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('scope', '=', scope)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertLoginFailure(
  db: Kysely<Database>,
  id: string,
  scope: string,
  at: string,
): Promise<void> {
  await db.insertInto('login_failures').values({ id, scope, created_at: at }).execute();
}

export async function deleteLoginFailures(db: Kysely<Database>, scope: string): Promise<void> {
  await db.deleteFrom('login_failures').where('scope', '=', scope).execute();
}

/**
 * Moves a sliding session's expiry forward. Only a session last renewed before `renewedBefore`
 * is touched, so concurrent requests renew it once and most reads write nothing.
 */
export async function renewSlidingSession(
  db: Kysely<Database>,
  o: { id: string; at: string; expiresAt: string; renewedBefore: string },
): Promise<boolean> {
  const r = await db
    .updateTable('auth_sessions')
    .set({ expires_at: o.expiresAt, renewed_at: o.at })
    .where('id', '=', o.id)
    .where('revoked_at', 'is', null)
    .where('sliding_days', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('renewed_at', '<', o.renewedBefore),
        eb.and([eb('renewed_at', 'is', null), eb('created_at', '<', o.renewedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends every live session of the user ("sign out on all devices"). */
export async function revokeAllAuthSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
