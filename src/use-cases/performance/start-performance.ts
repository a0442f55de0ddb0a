import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * Records that performance has begun where no payment shows it (goods returned, a repair
 * started). A first payment starts performance by itself (recordPayment).
 */
export async function startPerformance(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number; note: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'start_performance',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { note: opts.note },
    });
    return { status: t.status, caseVersion: t.version };
  });
}
