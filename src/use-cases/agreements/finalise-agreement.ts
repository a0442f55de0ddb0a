import type { Actor } from '../../domain/authorize-case-access.js';
import { AppError } from '../../domain/app-error.js';
import { isoNow } from '../../domain/clock.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  findCaseCore,
  listCasePartiesForAgreement,
  updateAgreementFromStatus,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { assessAgreementReadability } from './assess-agreement-readability.js';
import { computeAgreementText } from './compute-agreement-text-hash.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * Freezes the text: from now on the parties confirm and sign exactly this, identified by the
 * SHA-256 of its canonical serialisation (every language version and the parties' details).
 * A text some party cannot read in any of their languages is refused (TRANSLATION_MISSING,
 * naming each such party's sections) unless the team declares `sightTranslation`: an
 * interpreter will translate it aloud, and attest it, before that party confirms.
 */
export async function finaliseAgreement(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    agreementId: string;
    expectedVersion: number;
    sightTranslation?: boolean;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    requireAgreementStatus(a, 'draft');
    const c = await findCaseCore(trx, opts.caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const readability = await assessAgreementReadability(
      trx,
      a,
      await listCasePartiesForAgreement(trx, opts.caseId),
    );
    const unreadable = readability.parties.filter((p) => p.missingSections.length > 0);
    if (unreadable.length > 0 && !opts.sightTranslation) {
      throw new AppError('TRANSLATION_MISSING', {
        params: { count: new Set(unreadable.flatMap((p) => p.missingSections)).size },
        details: {
          parties: unreadable.map((p) => ({
            partyId: p.partyId,
            sections: p.missingSections,
            languages: p.languages,
          })),
        },
      });
    }
    const { hash } = await computeAgreementText(trx, a, c.reference);
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'draft_agreement',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: {
        agreementId: a.id,
        agreementStatus: 'final',
        textHash: hash,
        ...(unreadable.length > 0 ? { sightTranslationFor: unreadable.map((p) => p.partyId) } : {}),
      },
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
