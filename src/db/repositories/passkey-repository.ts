import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function insertWebauthnChallenge(
  db: Kysely<Database>,
  c: {
    id: string;
    challenge: string;
    purpose: 'register' | 'authenticate';
    userId: string | null;
    at: string;
    expiresAt: string;
  },
): Promise<void> {
  // Challenges nobody answered are of no use once expired; the table stays a few minutes deep.
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', c.at).execute();
  await db
    .insertInto('webauthn_challenges')
    .values({
      id: c.id,
      challenge: c.challenge,
      purpose: c.purpose,
      user_id: c.userId,
      created_at: c.at,
      expires_at: c.expiresAt,
    })
    .execute();
}

/**
 * Spends a challenge: true only for the first caller, while it is live, for this purpose (and
 * this account, when it was issued to one).
 */
export async function consumeWebauthnChallenge(
  db: Kysely<Database>,
  o: { challenge: string; purpose: 'register' | 'authenticate'; userId: string | null; at: string },
): Promise<boolean> {
  let q = db
    .updateTable('webauthn_challenges')
    .set({ used_at: o.at })
    .where('challenge', '=', o.challenge)
    .where('purpose', '=', o.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', o.at);
  q = o.userId === null ? q.where('user_id', 'is', null) : q.where('user_id', '=', o.userId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertWebauthnCredential(
  db: Kysely<Database>,
  c: {
    id: string;
    userId: string;
    publicKey: string;
    counter: number;
    transports: string[];
    deviceType: string;
    backedUp: boolean;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('webauthn_credentials')
    .values({
      id: c.id,
      user_id: c.userId,
      public_key: c.publicKey,
      counter: c.counter,
      transports_json: JSON.stringify(c.transports),
      device_type: c.deviceType,
      backed_up: c.backedUp ? 1 : 0,
      created_at: c.at,
    })
    .execute();
}

export async function findWebauthnCredential(db: Kysely<Database>, id: string) {
  return db.selectFrom('webauthn_credentials').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listWebauthnCredentialsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('webauthn_credentials')
    .select([
      'id',
      'name',
      'transports_json',
      'device_type',
      'backed_up',
      'created_at',
      'last_used_at',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function recordWebauthnCredentialUse(
  db: Kysely<Database>,
  o: { id: string; counter: number; at: string },
): Promise<void> {
  await db
    .updateTable('webauthn_credentials')
    .set({ counter: o.counter, last_used_at: o.at })
    .where('id', '=', o.id)
    .execute();
}

/** Removes one passkey of this account; false when the account has none with this id. */
export async function deleteWebauthnCredentialOfUser(
  db: Kysely<Database>,
  o: { id: string; userId: string },
): Promise<boolean> {
  const r = await db
    .deleteFrom('webauthn_credentials')
    .where('id', '=', o.id)
    .where('user_id', '=', o.userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Names (or, with null, unnames) one passkey of this account; false when it has none such. */
export async function renameWebauthnCredentialOfUser(
  db: Kysely<Database>,
  o: { id: string; userId: string; name: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('webauthn_credentials')
    .set({ name: o.name })
    .where('id', '=', o.id)
    .where('user_id', '=', o.userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
