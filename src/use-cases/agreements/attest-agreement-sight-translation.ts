import type { Actor } from '../../domain/authorize-case-access.js';
import { attestSightTranslation } from '../translations/attest-sight-translation.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/** An interpreter attests a sight translation of the frozen text (what the party signs). */
export async function attestAgreementSightTranslation(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    agreementId: string;
    partyId: string;
    language: string;
    interpretedAt?: string;
  },
) {
  // Who may attest is settled before anything about the agreement is told.
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['mediator']);
  const a = await requireCaseAgreement(ctx.db, opts.caseId, opts.agreementId);
  requireAgreementStatus(a, 'final');
  return attestSightTranslation(ctx, {
    ...opts,
    target: { kind: 'agreement', id: a.id, version: a.version },
  });
}
