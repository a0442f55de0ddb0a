import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  decidePaymentReport,
  findPaymentReport,
} from '../../db/repositories/payment-report-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * An officer disputes a payment a party reported (the slip does not show it, the money has
 * not arrived), with the reason, which the reporting party is told. Nothing is recorded.
 */
export async function disputePaymentReport(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; reportId: string; reason: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const report = await findPaymentReport(ctx.db, opts.caseId, opts.reportId);
  if (!report) throw new AppError('NOT_FOUND');
  if (report.status !== 'reported')
    throw new AppError('INVALID_TRANSITION', { params: { state: report.status } });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await decidePaymentReport(trx, report.id, {
      status: 'disputed',
      decided_by: opts.actor.userId,
      decided_at: at,
      dispute_reason: opts.reason,
    });
    if (!decided) throw new AppError('INVALID_TRANSITION', { params: { state: report.status } });
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'payment.dispute_report',
      entityType: 'payment_report',
      entityId: report.id,
      summary: { reason: opts.reason },
      at,
    });
    await emitCaseEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      event: 'payment.disputed',
      params: { reportId: report.id, partyId: report.party_id, actorUserId: opts.actor.userId },
      at,
      dedupeKey: `${report.id}:disputed`,
    });
  });
  return { reportId: report.id, status: 'disputed' as const, decidedAt: at };
}
