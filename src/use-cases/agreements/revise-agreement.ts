import type { Actor } from '../../domain/authorize-case-access.js';
import type { AgreementContent } from '../../domain/agreement-content.js';
import { AppError } from '../../domain/app-error.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import { validateAgreementContent } from '../../domain/validate-agreement-content.js';
import {
  findLatestAgreementVersion,
  insertAgreement,
  updateAgreementFromStatus,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * An edit of a draft never overwrites it: the edit is a new version row that supersedes the
 * previous draft, so every wording the team put to the parties stays on record.
 */
export async function reviseAgreement(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    agreementId: string;
    expectedVersion: number;
    content: AgreementContent;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const terms = validateAgreementContent(opts.content);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const old = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    requireAgreementStatus(old, 'draft');
    const id = newId();
    const version = (await findLatestAgreementVersion(trx, opts.caseId)) + 1;
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'draft_agreement',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { agreementId: id, agreementVersion: version, revises: old.id },
    });
    if (
      !(await updateAgreementFromStatus(trx, old.id, 'draft', {
        status: 'superseded',
        updated_at: at,
      }))
    )
      throw new AppError('VERSION_CONFLICT');
    await insertAgreement(trx, {
      id,
      org_id: t.orgId,
      case_id: opts.caseId,
      version,
      supersedes_id: old.id,
      status: 'draft',
      oral: old.oral,
      content_json: JSON.stringify(opts.content),
      amount_minor: terms.amountMinor,
      currency: terms.currency,
      prevailing_language: opts.content.prevailingLanguage,
      created_by: opts.actor.userId,
      created_at: at,
      updated_at: at,
    });
    return { agreementId: id, agreementVersion: version, caseVersion: t.version };
  });
}
