import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { parseMoney } from '../../domain/money.js';
import { newId } from '../../domain/new-id.js';
import { isValidDate, localDateOf } from '../../domain/performance-rules.js';
import { findAgreementInEffect, findCaseCore } from '../../db/repositories/agreement-repository.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { findCaseDocument } from '../../db/repositories/document-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { insertPaymentReport } from '../../db/repositories/payment-report-repository.js';
import { listInstalmentsOfCase } from '../../db/repositories/performance-repository.js';
import { listOwnCaseParties } from '../../db/repositories/session-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import { EVIDENCE_KIND } from '../cases/upload-evidence.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Case states in which the agreement is being carried out and a payment can be reported. */
const reportableStatuses = ['agreed', 'performing', 'breached'];

/**
 * A party reports a payment it made under the agreement in effect, with its bank slip (a piece
 * of evidence the party uploaded to the case). Nothing is owed less and nothing is recovered
 * until an officer verifies it; the team and the officers are told it awaits them.
 */
export async function reportPayment(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    amount: string;
    currency: string;
    paidOn: string;
    instalmentId?: string;
    note?: string;
    documentId: string;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['party']);
  const money = parseMoney(opts.amount, opts.currency, 'amount.amount');
  if (money.amountMinor <= 0) throw new AppError('VALIDATION_FAILED', { field: 'amount.amount' });
  if (!isValidDate(opts.paidOn)) throw new AppError('VALIDATION_FAILED', { field: 'paidOn' });
  const core = (await findCaseCore(ctx.db, opts.caseId))!;
  if (opts.paidOn > localDateOf(isoNow(ctx.clock), core.time_zone))
    throw new AppError('VALIDATION_FAILED', { field: 'paidOn' });
  if (!reportableStatuses.includes(core.status))
    throw new AppError('INVALID_TRANSITION', { params: { state: core.status } });
  const agreement = await findAgreementInEffect(ctx.db, opts.caseId);
  if (!agreement?.currency) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: core.status },
      details: { reason: 'no_monetary_agreement_in_effect' },
    });
  }
  if (money.currency !== agreement.currency)
    throw new AppError('VALIDATION_FAILED', { field: 'amount.currency' });
  if (opts.instalmentId) {
    const plan = await listInstalmentsOfCase(ctx.db, opts.caseId);
    if (!plan.some((i) => i.id === opts.instalmentId && i.agreement_id === agreement.id))
      throw new AppError('VALIDATION_FAILED', { field: 'instalmentId' });
  }
  // The slip is the party's own upload to this case: proof, not somebody else's document.
  const slip = await findCaseDocument(ctx.db, opts.caseId, opts.documentId, EVIDENCE_KIND);
  if (!slip || slip.uploaded_by !== opts.actor.userId)
    throw new AppError('VALIDATION_FAILED', { field: 'documentId' });
  const [party] = await listOwnCaseParties(ctx.db, opts.caseId, opts.actor.userId);
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPaymentReport(trx, {
      id,
      org_id: c.orgId,
      case_id: opts.caseId,
      party_id: party!.id,
      reported_by: opts.actor.userId,
      amount_minor: money.amountMinor,
      currency: money.currency,
      paid_on: opts.paidOn,
      instalment_id: opts.instalmentId ?? null,
      note: opts.note ?? null,
      document_id: slip.id,
      status: 'reported',
      reported_at: at,
    });
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'payment.report',
      entityType: 'payment_report',
      entityId: id,
      summary: {
        amountMinor: money.amountMinor,
        currency: money.currency,
        paidOn: opts.paidOn,
        documentId: slip.id,
      },
      at,
    });
    await emitCaseEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      event: 'payment.reported',
      params: {
        reportId: id,
        amountMinor: money.amountMinor,
        currency: money.currency,
        actorUserId: opts.actor.userId,
      },
      at,
      dedupeKey: id,
    });
  });
  return { id, status: 'reported' as const, reportedAt: at };
}
