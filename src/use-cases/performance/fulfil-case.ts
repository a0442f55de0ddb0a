import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { isPerformanceComplete, outstandingMinor } from '../../domain/performance-rules.js';
import { findAgreementInEffect } from '../../db/repositories/agreement-repository.js';
import {
  listFollowUpsOfCase,
  listInstalmentsOfCase,
  listPaymentsOfCase,
} from '../../db/repositories/performance-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * Closes the case as fulfilled on an officer's word, under the same rule as the automatic
 * close (isPerformanceComplete): nothing owed, every instalment paid, the follow-up visit done. Useful where
 * the last step was not a payment or a visit recorded here, e.g. after the data was corrected.
 */
export async function fulfilCase(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'fulfil',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      patch: { closed_at: at },
    });
    const agreement = await findAgreementInEffect(trx, opts.caseId);
    const instalments = await listInstalmentsOfCase(trx, opts.caseId);
    const unpaid = instalments.filter(
      (i) => i.agreement_id === agreement?.id && i.status !== 'paid',
    );
    const followUps = await listFollowUpsOfCase(trx, opts.caseId);
    const payments = await listPaymentsOfCase(trx, opts.caseId);
    if (!agreement || !isPerformanceComplete(agreement, instalments, payments, followUps)) {
      throw new AppError('AGREEMENT_INCOMPLETE', {
        details: {
          unpaidInstalments: unpaid.map((i) => i.seq),
          outstandingMinor: agreement ? outstandingMinor(agreement, instalments, payments) : 0,
          followUpsNotDone: followUps.filter((f) => !f.done_at).length,
        },
      });
    }
    return { status: t.status, caseVersion: t.version };
  });
}
