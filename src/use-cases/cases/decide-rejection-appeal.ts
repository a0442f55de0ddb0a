import { AppError } from '../../domain/app-error.js';
import { addDays } from '../../domain/clock.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  decideRejectionAppealRow,
  findRejectionAppeal,
} from '../../db/repositories/case-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { UseCaseContext } from '../use-case-context.js';
import { MEDIATION_PERIOD_DAYS } from './accept-case.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * The director decides the appeal: overturning accepts the case (the mediation clock starts
 * then), upholding keeps the rejection for good.
 */
export async function decideRejectionAppeal(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    version: number;
    decision: 'overturn' | 'uphold';
    reason: string;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director']);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const appeal = await findRejectionAppeal(trx, opts.caseId);
    if (!appeal || appeal.decided_at) {
      const c = await trx
        .selectFrom('cases')
        .select('status')
        .where('id', '=', opts.caseId)
        .executeTakeFirstOrThrow();
      throw new AppError('INVALID_TRANSITION', {
        params: { state: c.status },
        details: {
          state: c.status,
          action: `${opts.decision}_rejection`,
          reason: appeal ? 'appeal_already_decided' : 'no_appeal',
        },
      });
    }
    const overturn = opts.decision === 'overturn';
    const dueAt = addDays(at, MEDIATION_PERIOD_DAYS);
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: overturn ? 'overturn_rejection' : 'uphold_rejection',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      patch: overturn
        ? {
            decided_at: at,
            accepted_at: at,
            decision_reason: opts.reason,
            mediation_due_at: dueAt,
            outcome: null,
            outcome_reason: null,
            closed_at: null,
          }
        : {},
      summary: { decision: opts.decision, reason: opts.reason },
    });
    await decideRejectionAppealRow(trx, {
      caseId: opts.caseId,
      decision: overturn ? 'overturned' : 'upheld',
      reason: opts.reason,
      by: opts.actor.userId,
      at,
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'case.rejection_appeal_decided',
      params: { decision: opts.decision },
      at,
      dedupeKey: opts.caseId,
    });
    return { ...r, mediationDueAt: overturn ? dueAt : null };
  });
}
