import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { listCourtFilingsOfCase } from '../../db/repositories/court-filing-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * After the court rejected judicial confirmation, the committee may resume mediation (the
 * other road is a litigation referral). The case is no longer concluded: its outcome is cleared
 * until a corrected agreement (a new version superseding the old) takes effect or it fails.
 */
export async function reopenMediation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const filings = await listCourtFilingsOfCase(trx, opts.caseId);
    const lastConfirmation = filings.filter((f) => f.kind === 'confirmation').at(-1);
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'reopen_mediation',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      patch: {
        concluded_at: null,
        outcome: null,
        outcome_reason: null,
        agreed_at: null,
        agreed_amount_minor: null,
        agreed_currency: null,
        agreed_amount_cny_minor: null,
      },
      summary: { reason: opts.reason, rejectedFilingId: lastConfirmation?.id ?? null },
    });
    // Mediation reopens only on the court's word, not to undo an agreement at will.
    if (lastConfirmation?.status !== 'rejected')
      throw new AppError('INVALID_TRANSITION', {
        params: { state: lastConfirmation?.status ?? 'no_confirmation' },
        details: { reason: 'confirmation_not_rejected' },
      });
    return { status: t.status, caseVersion: t.version };
  });
}
