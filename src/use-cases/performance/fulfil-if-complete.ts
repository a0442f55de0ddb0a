import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { CaseStatus } from '../../domain/case-status.js';
import { isActionAllowed } from '../../domain/case-transitions.js';
import type { Database } from '../../db/schema.js';
import { findAgreementInEffect } from '../../db/repositories/agreement-repository.js';
import { isPerformanceComplete } from '../../domain/performance-rules.js';
import {
  listFollowUpsOfCase,
  listInstalmentsOfCase,
  listPaymentsOfCase,
} from '../../db/repositories/performance-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';

/**
 * Full performance ends the case as fulfilled. "Full" means every instalment of the agreement
 * in effect is paid AND its follow-up visit (回访) is done: every agreement gets a follow-up
 * visit, and it is the visit that confirms performance, so a case is never closed before it.
 * Called after a payment or a follow-up, in the same transaction; returns the new version.
 */
export async function fulfilIfComplete(
  trx: Kysely<Database>,
  opts: { caseId: string; status: CaseStatus; version: number; actor: Actor; at: string },
): Promise<{ status: CaseStatus; version: number }> {
  if (!isActionAllowed(opts.status, 'fulfil')) return opts;
  const agreement = await findAgreementInEffect(trx, opts.caseId);
  if (!agreement) return opts;
  const instalments = (await listInstalmentsOfCase(trx, opts.caseId)).filter(
    (i) => i.agreement_id === agreement.id,
  );
  const followUps = await listFollowUpsOfCase(trx, opts.caseId);
  const payments = await listPaymentsOfCase(trx, opts.caseId);
  // Without a plan "every instalment paid" is vacuously true: the amount owed decides.
  if (!isPerformanceComplete(agreement, instalments, payments, followUps)) return opts;
  const t = await applyCaseTransition(trx, {
    caseId: opts.caseId,
    action: 'fulfil',
    expectedVersion: opts.version,
    actor: opts.actor,
    at: opts.at,
    patch: { closed_at: opts.at },
    summary: { agreementId: agreement.id, instalmentsPaid: instalments.length },
  });
  return { status: t.status, version: t.version };
}
