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
  const [agreement, instalments, payments, followUps, police] = await Promise.all([
    findAgreementInEffect(ctx.db, opts.caseId),
    listInstalmentsOfCase(ctx.db, opts.caseId),
    listPaymentsOfCase(ctx.db, opts.caseId),
    listFollowUpsOfCase(ctx.db, opts.caseId),
    listPoliceReferralsOfCase(ctx.db, opts.caseId),
  ]);
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
