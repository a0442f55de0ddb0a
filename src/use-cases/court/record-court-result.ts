import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { updateCourtFilingFromStatus } from '../../db/repositories/court-filing-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireFilingStatus, requireLiaisonFiling } from './require-liaison-filing.js';

export const confirmationResults = ['confirmed', 'rejected'] as const;
export const litigationResults = ['judgment', 'court_mediation', 'withdrawn', 'dismissed'] as const;
export type CourtResult = (typeof confirmationResults)[number] | (typeof litigationResults)[number];

/**
 * The court's decision on an accepted filing. A confirmation is confirmed (the agreement is now
 * enforceable) or rejected, after which the committee reopens mediation or refers the case to
 * litigation. A litigation referral ends in the court's outcome.
 */
export async function recordCourtResult(
  ctx: UseCaseContext,
  opts: { actor: Actor; filingId: string; result: CourtResult; notes?: string },
) {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const f = await requireLiaisonFiling(trx, opts.actor, opts.filingId);
    requireFilingStatus(f, 'accepted');
    const allowed: readonly string[] =
      f.kind === 'confirmation' ? confirmationResults : litigationResults;
    if (!allowed.includes(opts.result))
      throw new AppError('VALIDATION_FAILED', { field: 'result' });
    const status = f.kind === 'confirmation' ? opts.result : 'decided';
    const ok = await updateCourtFilingFromStatus(trx, f.id, 'accepted', {
      status,
      result: opts.result,
      result_at: at,
      result_notes: opts.notes ?? null,
    });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await appendAuditEvent(trx, {
      orgId: f.org_id,
      caseId: f.case_id,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'court_filing.decided',
      entityType: 'court_filing',
      entityId: f.id,
      summary: {
        kind: f.kind,
        before: { status: 'accepted' },
        after: { status },
        result: opts.result,
      },
      at,
    });
    await emitCaseEvent(trx, {
      orgId: f.org_id,
      caseId: f.case_id,
      event: f.kind === 'confirmation' ? 'confirmation.decided' : 'referral.decided',
      params: { filingId: f.id, result: opts.result },
      at,
      dedupeKey: f.id,
    });
    return { filingId: f.id, status, result: opts.result, resultAt: at };
  });
}
