import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { addDays } from '../../domain/clock.js';
import { openStatuses } from '../../domain/case-status.js';
import { listCaseParties } from '../../db/repositories/case-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { expireUnusedPartyInvites } from '../../db/repositories/party-invite-repository.js';
import { createPartyInvite, PARTY_INVITE_TTL_DAYS } from '../auth/create-party-invite.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseUpdate } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * An officer invites a party (typically the respondent, who did not apply) to follow the case:
 * a one-time sign-in link goes to the party's e-mail through the outbox, in the party's
 * language. The link is never returned to the officer, so it reaches only the party's own
 * mailbox. Earlier unused links of the party stop working.
 */
export async function inviteParty(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; partyId: string; version: number },
): Promise<{ partyId: string; expiresAt: string; version: number; status: string }> {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director']);
  const party = (await listCaseParties(ctx.db, opts.caseId)).find((p) => p.id === opts.partyId);
  if (!party) throw new AppError('NOT_FOUND');
  if (!party.email) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'partyId',
      details: { reason: 'party_has_no_email' },
    });
  }
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const superseded = await expireUnusedPartyInvites(trx, { partyId: party.id, at });
    const r = await applyCaseUpdate(trx, {
      caseId: opts.caseId,
      expectedVersion: opts.version,
      allowedFrom: openStatuses,
      auditAction: 'party.invite',
      actor: opts.actor,
      at,
      summary: { partyId: party.id, role: party.role, supersededInvites: superseded },
    });
    const token = await createPartyInvite(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      partyId: party.id,
      at,
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'party.invited',
      // The token travels only in the outbox row the notifier reads (as at intake).
      params: { partyId: party.id, [`inviteToken_${party.id}`]: token },
      at,
      dedupeKey: `${party.id}:v${r.version}`,
    });
    return {
      partyId: party.id,
      expiresAt: addDays(at, PARTY_INVITE_TTL_DAYS),
      version: r.version,
      status: r.status,
    };
  });
}
