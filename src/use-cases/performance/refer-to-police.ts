import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { insertPoliceReferral } from '../../db/repositories/performance-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * 警调联动: suspected fraud is referred to the economic-crime police. The referral is recorded;
 * the case keeps its state, since mediation or performance may go on alongside.
 */
export async function referToPolice(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const id = newId();
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'refer_police',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { policeReferralId: id, reason: opts.reason },
    });
    await insertPoliceReferral(trx, {
      id,
      org_id: t.orgId,
      case_id: opts.caseId,
      reason: opts.reason,
      referred_at: at,
      referred_by: opts.actor.userId,
    });
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'police.referred',
      params: { policeReferralId: id },
      at,
      dedupeKey: id,
    });
    return { policeReferralId: id, referredAt: at, caseVersion: t.version };
  });
}
