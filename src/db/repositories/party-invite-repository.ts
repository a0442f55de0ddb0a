import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Ends the party's links that were never used, so that only the newest invitation works: a
 * re-sent invitation usually means the earlier e-mail went to the wrong place.
 */
export async function expireUnusedPartyInvites(
  trx: Kysely<Database>,
  o: { partyId: string; at: string },
): Promise<number> {
  const r = await trx
    .updateTable('party_invites')
    .set({ expires_at: o.at })
    .where('party_id', '=', o.partyId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', o.at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
