import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * An officer declares the agreement breached for a reason the instalment schedule cannot see
 * (goods not returned, an obligation refused outright). Missed instalments are found by
 * markBreachedCases instead.
 */
export async function declareBreach(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'breach',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { reason: opts.reason },
    });
    return { status: t.status, caseVersion: t.version };
  });
}
