import type { Actor } from '../../domain/authorize-case-access.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/** An officer or director rejects an application with reasons; the applicant may appeal once. */
export async function rejectCase(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director']);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'reject',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      // A rejection is not "concluded" in the statistics (DESIGN §4): no concluded_at.
      patch: {
        decided_at: at,
        decision_reason: opts.reason,
        outcome: 'rejected',
        outcome_reason: opts.reason,
        closed_at: at,
      },
      summary: { reason: opts.reason },
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'case.rejected',
      at,
      dedupeKey: opts.caseId,
    });
    return r;
  });
}
