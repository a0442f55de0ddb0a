import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Mediation failed: the case concludes as failed, with the reason, who and when. */
export async function recordFailedOutcome(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'conclude_failed',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      patch: { concluded_at: at, outcome: 'failed', outcome_reason: opts.reason },
      summary: { outcome: 'failed', reason: opts.reason },
    });
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'case.concluded',
      params: { outcome: 'failed' },
      at,
      dedupeKey: `${opts.caseId}:failed:${t.version}`,
    });
    return { status: t.status, caseVersion: t.version, concludedAt: at };
  });
}
