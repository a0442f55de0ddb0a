import type { Actor } from '../../domain/authorize-case-access.js';
import { formatMinor } from '../../domain/money.js';
import { outstandingMinor } from '../../domain/performance-rules.js';
import { findAgreementInEffect, findCaseCore } from '../../db/repositories/agreement-repository.js';
import {
  listFollowUpsOfCase,
  listInstalmentsOfCase,
  listPaymentsOfCase,
  listPoliceReferralsOfCase,
} from '../../db/repositories/performance-repository.js';
import { listPaymentReportsOfCase } from '../../db/repositories/payment-report-repository.js';
import { listOwnCaseParties } from '../../db/repositories/session-repository.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Performance of the agreement in effect: instalments, payments, follow-ups, totals. */
export async function getCasePerformance(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  const c = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const staff = c.relations.some((r) => r === 'director' || r === 'officer');
  const core = (await findCaseCore(ctx.db, opts.caseId))!;
  const team = staff || c.relations.includes('mediator');
  const [agreement, instalments, payments, followUps, police, reports, own] = await Promise.all([
    findAgreementInEffect(ctx.db, opts.caseId),
    listInstalmentsOfCase(ctx.db, opts.caseId),
    listPaymentsOfCase(ctx.db, opts.caseId),
    listFollowUpsOfCase(ctx.db, opts.caseId),
    listPoliceReferralsOfCase(ctx.db, opts.caseId),
    listPaymentReportsOfCase(ctx.db, opts.caseId),
    c.relations.includes('party')
      ? listOwnCaseParties(ctx.db, opts.caseId, opts.actor.userId)
      : Promise.resolve([]),
  ]);
  const ownPartyIds = new Set(own.map((p) => p.id));
  const outstanding = agreement ? outstandingMinor(agreement, instalments, payments) : 0;
  return {
    status: core.status,
    caseVersion: core.version,
    agreementId: agreement?.id ?? null,
    currency: agreement?.currency ?? null,
    outstanding: agreement?.currency ? formatMinor(outstanding, agreement.currency) : null,
    recoveredCny: formatMinor(core.recovered_cny_minor, 'CNY'),
    instalments: instalments.map((i) => ({
      id: i.id,
      agreementId: i.agreement_id,
      seq: i.seq,
      dueOn: i.due_on,
      amount: formatMinor(i.amount_minor, i.currency),
      paid: formatMinor(i.paid_minor, i.currency),
      currency: i.currency,
      status: i.status,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      instalmentId: p.instalment_id,
      amount: formatMinor(p.amount_minor, p.currency),
      currency: p.currency,
      amountCny: formatMinor(p.amount_cny_minor, 'CNY'),
      fxRate: p.fx_rate,
      paidOn: p.paid_on,
      recordedAt: p.recorded_at,
    })),
    // A party sees the payments it reported; the committee and the team see every report.
    // Reports are not payments: they count towards nothing until verified.
    paymentReports: reports
      .filter((r) => team || ownPartyIds.has(r.party_id))
      .map((r) => ({
        id: r.id,
        partyId: r.party_id,
        amount: formatMinor(r.amount_minor, r.currency),
        currency: r.currency,
        paidOn: r.paid_on,
        instalmentId: r.instalment_id,
        note: r.note,
        document: {
          id: r.document_id,
          filename: r.document_filename,
          mediaType: r.document_media_type,
        },
        status: r.status as 'reported' | 'verified' | 'disputed',
        reportedAt: r.reported_at,
        decidedAt: r.decided_at,
        disputeReason: r.dispute_reason,
        paymentId: r.payment_id,
      })),
    followUps: followUps.map((f) => ({
      id: f.id,
      dueOn: f.due_on,
      doneAt: f.done_at,
      method: f.method,
      // The visit notes are the committee's working record, not the parties'.
      notes: staff ? f.notes : null,
      satisfaction: f.satisfaction,
    })),
    // A police referral is not disclosed to the parties or the mediators.
    policeReferrals: staff
      ? police.map((p) => ({ id: p.id, reason: p.reason, referredAt: p.referred_at }))
      : [],
  };
}
