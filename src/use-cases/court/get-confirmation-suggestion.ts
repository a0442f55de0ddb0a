import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  confirmationWindow,
  eligibleConfirmationCourts,
  type ConfirmationWindow,
} from '../../domain/suggest-confirmation-court.js';
import { findAgreementInEffect, findCaseCore } from '../../db/repositories/agreement-repository.js';
import { listCourtsOfOrg } from '../../db/repositories/court-filing-repository.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface ConfirmationSuggestion {
  agreementId: string;
  effectiveAt: string;
  window: ConfirmationWindow;
  courts: { id: string; name: string; nameEn: string; kind: string; reason: string }[];
}

/**
 * Where and until when the parties may apply for judicial confirmation: the eligible courts,
 * the suggested one first, and the 30-day window with a warning as it closes.
 */
export async function getConfirmationSuggestion(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
): Promise<ConfirmationSuggestion> {
  await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  return suggestConfirmation(ctx, opts.caseId);
}

/** The same facts without the visibility check, for callers that already made it. */
export async function suggestConfirmation(
  ctx: UseCaseContext,
  caseId: string,
): Promise<ConfirmationSuggestion> {
  const c = await findCaseCore(ctx.db, caseId);
  if (!c) throw new AppError('NOT_FOUND');
  const agreement = await findAgreementInEffect(ctx.db, caseId);
  if (!agreement?.effective_at) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: c.status },
      details: { state: c.status, reason: 'no_agreement_in_effect' },
    });
  }
  const courts = await listCourtsOfOrg(ctx.db, c.org_id);
  const eligible = eligibleConfirmationCourts(
    { referringCourtId: c.referring_court_id, isMaritime: c.is_maritime === 1 },
    courts.map((x) => ({ id: x.id, kind: x.kind, isSeatCourt: x.is_seat_court === 1 })),
  );
  return {
    agreementId: agreement.id,
    effectiveAt: agreement.effective_at,
    window: confirmationWindow(agreement.effective_at, ctx.clock.now()),
    courts: eligible.map((e) => {
      const court = courts.find((x) => x.id === e.courtId)!;
      return {
        id: court.id,
        name: court.name,
        nameEn: court.name_en,
        kind: court.kind,
        reason: e.reason,
      };
    }),
  };
}
