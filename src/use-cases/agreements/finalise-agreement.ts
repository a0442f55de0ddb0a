import type { Actor } from '../../domain/authorize-case-access.js';
import { AppError } from '../../domain/app-error.js';
import { isoNow } from '../../domain/clock.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  findCaseCore,
  updateAgreementFromStatus,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeAgreementText } from './compute-agreement-text-hash.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * Freezes the text: from now on the parties confirm and sign exactly this, identified by the
 * SHA-256 of its canonical serialisation (including the parties' details).
 */
export async function finaliseAgreement(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; agreementId: string; expectedVersion: number },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    requireAgreementStatus(a, 'draft');
    const c = await findCaseCore(trx, opts.caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const { hash } = await computeAgreementText(trx, a, c.reference);
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'draft_agreement',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { agreementId: a.id, agreementStatus: 'final', textHash: hash },
    });
    if (
      !(await updateAgreementFromStatus(trx, a.id, 'draft', {
        status: 'final',
        text_hash: hash,
        updated_at: at,
      }))
    )
      throw new AppError('VERSION_CONFLICT');
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'agreement.ready_to_sign',
      params: { agreementId: a.id, agreementVersion: a.version },
      at,
      dedupeKey: a.id,
    });
    return { agreementId: a.id, textHash: hash, caseVersion: t.version };
  });
}
