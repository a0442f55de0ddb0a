import type { Kysely } from 'kysely';
import { newId } from '../../src/domain/new-id.js';
import { insertWebauthnCredential } from '../../src/db/repositories/passkey-repository.js';
import type { Database } from '../../src/db/schema.js';

/** A stored passkey of `userId` (its key is never checked here: no sign-in is made with it). */
export async function createPasskey(
  db: Kysely<Database>,
  userId: string,
  o: { transports?: string[]; deviceType?: string; backedUp?: boolean; at?: string } = {},
): Promise<string> {
  const id = `cred-${newId()}`;
  await insertWebauthnCredential(db, {
    id,
    userId,
    publicKey: 'AQID',
    counter: 0,
    transports: o.transports ?? ['internal'],
    deviceType: o.deviceType ?? 'singleDevice',
    backedUp: o.backedUp ?? false,
    at: o.at ?? '2026-03-01T00:00:00.000Z',
  });
  return id;
}
