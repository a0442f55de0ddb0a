import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Account security state: TOTP enrolment, lockout, password changes, session revocation. */

export async function setPendingTotpSecret(
  db: Kysely<Database>,
  userId: string,
  secretEnc: string,
  at: string,
): Promise<boolean> {
  // Only while no confirmed secret exists: a stolen session must not swap the second factor.
  const r = await db
    .updateTable('users')
    .set({
      totp_secret_enc: secretEnc,
      totp_confirmed_at: null,
      totp_last_step: null,
      updated_at: at,
    })
    .where('id', '=', userId)
    .where('totp_confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markTotpConfirmed(
  db: Kysely<Database>,
  userId: string,
  step: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_confirmed_at: at, totp_last_step: step, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/**
 * Records that the code of time step `step` was used. Conditional on the stored step being
 * older, so the same code cannot be accepted twice, even by two concurrent sign-ins.
 */
export async function claimTotpStep(
  db: Kysely<Database>,
  userId: string,
  step: number,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function lockUserUntil(
  db: Kysely<Database>,
  userId: string,
  until: string,
): Promise<void> {
  await db.updateTable('users').set({ locked_until: until }).where('id', '=', userId).execute();
}

export async function setUserPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/** Revokes every live session of the user except `keepSessionId`; returns how many. */
export async function revokeOtherSessions(
  db: Kysely<Database>,
  userId: string,
  keepSessionId: string | null,
  at: string,
): Promise<number> {
  let q = db
    .updateTable('auth_sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The organisations an account belongs to: as staff, else as a case party. */
export async function listOrgIdsOfUser(db: Kysely<Database>, userId: string): Promise<string[]> {
  const staff = await db
    .selectFrom('memberships')
    .select('org_id')
    .where('user_id', '=', userId)
    .distinct()
    .execute();
  if (staff.length) return staff.map((r) => r.org_id).sort();
  const parties = await db
    .selectFrom('case_parties')
    .select('org_id')
    .where('user_id', '=', userId)
    .distinct()
    .execute();
  return parties.map((r) => r.org_id).sort();
}
