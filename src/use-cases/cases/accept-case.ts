import { addDays } from '../../domain/clock.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/** Mediation normally ends within one month of acceptance (DESIGN §2). */
export const MEDIATION_PERIOD_DAYS = 30;

/** An officer or director accepts an application, with reasons; the mediation clock starts. */
export async function acceptCase(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director']);
  const at = ctx.clock.now().toISOString();
  const dueAt = addDays(at, MEDIATION_PERIOD_DAYS);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'accept',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      patch: {
        decided_at: at,
        accepted_at: at,
        decision_reason: opts.reason,
        mediation_due_at: dueAt,
      },
      summary: { reason: opts.reason, mediationDueAt: dueAt },
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'case.accepted',
      params: { mediationDueAt: dueAt },
      at,
      dedupeKey: opts.caseId,
    });
    return { ...r, mediationDueAt: dueAt };
  });
}
