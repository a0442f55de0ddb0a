import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { parseMoney } from '../../domain/money.js';
import { isValidDate } from '../../domain/performance-rules.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyPayment } from './apply-payment.js';

/**
 * A payment received under the agreement in effect, recorded by the committee (see
 * applyPayment for how it is fixed in CNY and set against the instalments).
 */
export async function recordPayment(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    expectedVersion: number;
    amount: string;
    currency: string;
    paidOn: string;
    instalmentId?: string;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const money = parseMoney(opts.amount, opts.currency, 'amount.amount');
  if (money.amountMinor <= 0) throw new AppError('VALIDATION_FAILED', { field: 'amount.amount' });
  if (!isValidDate(opts.paidOn)) throw new AppError('VALIDATION_FAILED', { field: 'paidOn' });
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyPayment(trx, {
      actor: opts.actor,
      caseId: opts.caseId,
      expectedVersion: opts.expectedVersion,
      money,
      paidOn: opts.paidOn,
      instalmentId: opts.instalmentId,
      at,
      event: 'payment.recorded',
    });
    return {
      paymentId: r.paymentId,
      amountCnyMinor: r.amountCnyMinor,
      fxRate: r.fxRate,
      status: r.status,
      caseVersion: r.caseVersion,
    };
  });
}
