import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import {
  decidePaymentReport,
  findPaymentReport,
} from '../../db/repositories/payment-report-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyPayment } from './apply-payment.js';

/**
 * An officer verifies a payment a party reported: it becomes a recorded payment, fixed in CNY
 * at the rate of the day it was paid exactly as if the officer had recorded it, and only now
 * lowers what is owed and counts as recovered. The parties are told.
 */
export async function verifyPaymentReport(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; reportId: string; expectedVersion: number },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const report = await findPaymentReport(ctx.db, opts.caseId, opts.reportId);
  if (!report) throw new AppError('NOT_FOUND');
  if (report.status !== 'reported')
    throw new AppError('INVALID_TRANSITION', { params: { state: report.status } });
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    // The case transition (inside applyPayment) locks the case row first, so two officers
    // deciding the same report queue here and the second finds it decided.
    const r = await applyPayment(trx, {
      actor: opts.actor,
      caseId: opts.caseId,
      expectedVersion: opts.expectedVersion,
      money: { amountMinor: report.amount_minor, currency: report.currency },
      paidOn: report.paid_on,
      instalmentId: report.instalment_id,
      at,
      event: 'payment.verified',
      summary: { paymentReportId: report.id },
    });
    const decided = await decidePaymentReport(trx, report.id, {
      status: 'verified',
      decided_by: opts.actor.userId,
      decided_at: at,
      payment_id: r.paymentId,
    });
    if (!decided) throw new AppError('INVALID_TRANSITION', { params: { state: report.status } });
    return {
      reportId: report.id,
      paymentId: r.paymentId,
      amountCnyMinor: r.amountCnyMinor,
      fxRate: r.fxRate,
      status: r.status,
      caseVersion: r.caseVersion,
    };
  });
}
