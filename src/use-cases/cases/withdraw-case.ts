import type { Actor } from '../../domain/authorize-case-access.js';
import { AppError } from '../../domain/app-error.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * The applicant withdraws the case, or an officer records the applicant's withdrawal. A
 * respondent cannot withdraw someone else's application (403). Withdrawn cases are closed but
 * not "concluded" in the statistics (DESIGN §4).
 */
export async function withdrawCase(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; reason: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'party',
    'officer',
    'director',
  ]);
  if (!c.relations.includes('officer') && !c.relations.includes('director')) {
    const own = await ctx.db
      .selectFrom('case_parties')
      .select('role')
      .where('case_id', '=', opts.caseId)
      .where('user_id', '=', opts.actor.userId)
      .execute();
    if (!own.some((p) => p.role === 'applicant')) throw new AppError('FORBIDDEN');
  }
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'withdraw',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      patch: { outcome: 'withdrawn', outcome_reason: opts.reason, closed_at: at },
      summary: { reason: opts.reason },
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'case.concluded',
      params: { outcome: 'withdrawn' },
      at,
      dedupeKey: `${opts.caseId}:withdrawn`,
    });
    return r;
  });
}
