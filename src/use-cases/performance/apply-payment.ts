import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { CaseEventName } from '../../domain/case-events.js';
import { convertToCnyMinor } from '../../domain/money.js';
import { newId } from '../../domain/new-id.js';
import { localDateOf, outstandingMinor } from '../../domain/performance-rules.js';
import type { Database } from '../../db/schema.js';
import { findAgreementInEffect, findCaseCore } from '../../db/repositories/agreement-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { requireFxRate } from '../../db/repositories/fx-rate-repository.js';
import {
  addRecoveredCny,
  insertPayment,
  listInstalmentsOfCase,
  listPaymentsOfCase,
  updateInstalment,
} from '../../db/repositories/performance-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { fulfilIfComplete } from './fulfil-if-complete.js';

/**
 * Records a payment received under the agreement in effect, inside the caller's transaction:
 * the officer's own record, or a party's report once verified. Its CNY value is fixed at the
 * rate of the payment day and added to the losses recovered; it is never recomputed. The
 * payment is applied to the named instalment, or else to the earliest unpaid ones; an
 * agreement without a plan takes payments up to its amount less those already received.
 * The first payment on an agreed case starts performance; the one that completes it (with the
 * follow-up done) fulfils the case.
 */
export async function applyPayment(
  trx: Kysely<Database>,
  opts: {
    actor: Actor;
    caseId: string;
    expectedVersion: number;
    money: { amountMinor: number; currency: string };
    paidOn: string;
    instalmentId?: string | null;
    at: string;
    /** The event the parties hear of (a verified report says so rather than "recorded"). */
    event: Extract<CaseEventName, 'payment.recorded' | 'payment.verified'>;
    summary?: Record<string, unknown>;
  },
) {
  const { money, at } = opts;
  let t = await applyCaseTransition(trx, {
    caseId: opts.caseId,
    action: 'record_payment',
    expectedVersion: opts.expectedVersion,
    actor: opts.actor,
    at,
    summary: {
      payment: { amountMinor: money.amountMinor, currency: money.currency, paidOn: opts.paidOn },
      ...opts.summary,
    },
  });
  const c = (await findCaseCore(trx, opts.caseId))!;
  if (opts.paidOn > localDateOf(at, c.time_zone))
    throw new AppError('VALIDATION_FAILED', { field: 'paidOn' });
  const agreement = await findAgreementInEffect(trx, opts.caseId);
  if (!agreement?.currency) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: t.status },
      details: { reason: 'no_monetary_agreement_in_effect' },
    });
  }
  // Instalments are owed in the agreement's currency; a payment in another one cannot be
  // set against them without a rate the parties agreed, which the agreement does not state.
  if (money.currency !== agreement.currency)
    throw new AppError('VALIDATION_FAILED', { field: 'amount.currency' });
  const plan = (await listInstalmentsOfCase(trx, opts.caseId)).filter(
    (i) => i.agreement_id === agreement.id,
  );
  const open = plan.filter((i) => i.status !== 'paid' && i.status !== 'cancelled');
  let targets = open;
  if (opts.instalmentId) {
    targets = open.filter((i) => i.id === opts.instalmentId);
    if (targets.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'instalmentId' });
  }
  // Without a plan nothing is "open", yet the agreed amount is owed until it is received.
  const owed =
    plan.length > 0
      ? targets.reduce((s, i) => s + (i.amount_minor - i.paid_minor), 0)
      : outstandingMinor(agreement, plan, await listPaymentsOfCase(trx, opts.caseId));
  if (money.amountMinor > owed)
    throw new AppError('VALIDATION_FAILED', {
      field: 'amount.amount',
      details: { reason: 'more_than_owed', owedMinor: owed },
    });
  let left = money.amountMinor;
  for (const i of targets) {
    if (left === 0) break;
    const take = Math.min(left, i.amount_minor - i.paid_minor);
    left -= take;
    const paid = i.paid_minor + take;
    await updateInstalment(trx, i.id, {
      paid_minor: paid,
      status: paid >= i.amount_minor ? 'paid' : i.status,
    });
  }
  const rate = await requireFxRate(trx, money.currency, opts.paidOn, 'amount.currency');
  const cnyMinor = convertToCnyMinor(money, rate);
  const id = newId();
  await insertPayment(trx, {
    id,
    org_id: t.orgId,
    case_id: opts.caseId,
    instalment_id: targets.length === 1 ? targets[0]!.id : (opts.instalmentId ?? null),
    amount_minor: money.amountMinor,
    currency: money.currency,
    amount_cny_minor: cnyMinor,
    fx_rate: rate,
    paid_on: opts.paidOn,
    recorded_by: opts.actor.userId,
    recorded_at: at,
  });
  await addRecoveredCny(trx, opts.caseId, cnyMinor);
  await emitCaseEvent(trx, {
    orgId: t.orgId,
    caseId: opts.caseId,
    event: opts.event,
    params: {
      paymentId: id,
      amountMinor: money.amountMinor,
      currency: money.currency,
      // Nobody is told of their own action (deliver-case-event.ts).
      actorUserId: opts.actor.userId,
    },
    at,
    dedupeKey: id,
  });
  if (t.status === 'agreed') {
    t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'start_performance',
      expectedVersion: t.version,
      actor: opts.actor,
      at,
      summary: { firstPaymentId: id },
    });
  }
  const end = await fulfilIfComplete(trx, {
    caseId: opts.caseId,
    status: t.status,
    version: t.version,
    actor: opts.actor,
    at,
  });
  return {
    paymentId: id,
    orgId: t.orgId,
    amountCnyMinor: cnyMinor,
    fxRate: rate,
    status: end.status,
    caseVersion: end.version,
  };
}
