import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { normalizeEmail } from './user-repository.js';

export async function insertSignInLink(
  trx: Kysely<Database>,
  l: {
    id: string;
    userId: string;
    tokenHash: string;
    nextPath: string | null;
    at: string;
    expiresAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('sign_in_links')
    .values({
      id: l.id,
      user_id: l.userId,
      token_hash: l.tokenHash,
      next_path: l.nextPath,
      created_at: l.at,
      expires_at: l.expiresAt,
    })
    .execute();
}

export async function findSignInLinkByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sign_in_links')
    .select(['id', 'user_id', 'next_path', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the link used; false when another request used it first (the loser of a race). */
export async function consumeSignInLink(
  trx: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('sign_in_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Ends the user's earlier unused links: only the newest e-mail works, so an older one left in
 * a shared inbox stops being a way in.
 */
export async function expireUnusedSignInLinks(
  trx: Kysely<Database>,
  o: { userId: string; at: string },
): Promise<void> {
  await trx
    .updateTable('sign_in_links')
    .set({ expires_at: o.at })
    .where('user_id', '=', o.userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', o.at)
    .execute();
}

/**
 * The case parties with this e-mail address that the committee has invited (an invitation row
 * exists), newest first. An address an applicant typed for the other side is not enough to
 * open the case: the committee's invitation is.
 */
export async function listInvitedPartiesByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('case_parties')
    .select(['id', 'org_id', 'case_id', 'name', 'user_id', 'preferred_language', 'created_at'])
    .where(sql<string>`lower(email)`, '=', normalizeEmail(email))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_invites')
          .select('party_invites.id')
          .whereRef('party_invites.party_id', '=', 'case_parties.id'),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Links the invited parties with this address that have no account yet to the user. */
export async function linkInvitedPartiesToUser(
  trx: Kysely<Database>,
  o: { email: string; userId: string },
): Promise<void> {
  const ids = (await listInvitedPartiesByEmail(trx, o.email))
    .filter((p) => !p.user_id)
    .map((p) => p.id);
  if (ids.length === 0) return;
  await trx.updateTable('case_parties').set({ user_id: o.userId }).where('id', 'in', ids).execute();
}
