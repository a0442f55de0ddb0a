import type { Actor } from '../../domain/authorize-case-access.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import { requestTranslation } from '../translations/request-translation.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireCaseAgreement } from './require-case-agreement.js';

/** A party asks for the agreement in one of their languages; the team is notified. */
export async function requestAgreementTranslation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; agreementId: string; language?: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['party']);
  const a = await requireCaseAgreement(ctx.db, opts.caseId, opts.agreementId);
  return requestTranslation(ctx, {
    ...opts,
    target: { kind: 'agreement', id: a.id, version: a.version },
  });
}
