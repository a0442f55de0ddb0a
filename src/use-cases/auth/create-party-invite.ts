import type { Insertable, Kysely } from 'kysely';
import type { Database, PartyInvitesTable } from '../../db/schema.js';
import { addDays } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import { hashToken, newSessionToken } from './issue-session-token.js';

export const PARTY_INVITE_TTL_DAYS = 30;

interface PartyInviteFor {
  orgId: string;
  caseId: string;
  partyId: string;
  at: string;
}

/** A new invite row and its token, for a caller that inserts the row with others. */
export function buildPartyInvite(opts: PartyInviteFor): {
  token: string;
  row: Insertable<PartyInvitesTable>;
} {
  const token = newSessionToken();
  return {
    token,
    row: {
      id: newId(),
      org_id: opts.orgId,
      case_id: opts.caseId,
      party_id: opts.partyId,
      token_hash: hashToken(token),
      created_at: opts.at,
      expires_at: addDays(opts.at, PARTY_INVITE_TTL_DAYS),
    },
  };
}

/**
 * Creates a one-time sign-in link token for a case party. Call inside the transaction that
 * queues the e-mail carrying it. Returns the token, which is stored only as a hash.
 */
export async function createPartyInvite(
  trx: Kysely<Database>,
  opts: PartyInviteFor,
): Promise<string> {
  const { token, row } = buildPartyInvite(opts);
  await trx.insertInto('party_invites').values(row).execute();
  return token;
}
