import type { Actor } from '../../domain/authorize-case-access.js';
import { agreementContent, type AgreementContent } from '../../domain/agreement-content.js';
import { AppError } from '../../domain/app-error.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import {
  requirePrevailingLanguage,
  validateAgreementContent,
} from '../../domain/validate-agreement-content.js';
import {
  findLatestAgreementVersion,
  listCasePartiesForAgreement,
  insertAgreement,
  updateAgreementFromStatus,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import {
  recordAgreementTranslations,
  type TranslationCredit,
} from './record-agreement-translations.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * An edit never overwrites: it is a new draft version that supersedes the previous one, so
 * every wording the team put to the parties stays on record. A frozen text not yet sealed can be
 * revised too (a translation corrected after finalising): the confirmations and signatures given
 * on it stay with it and no longer count; the new version is finalised and confirmed afresh.
 */
export async function reviseAgreement(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    agreementId: string;
    expectedVersion: number;
    content: AgreementContent;
    /** Credit for new or changed translations, by language (an outside translator, a machine). */
    translatedBy?: Record<string, TranslationCredit>;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const terms = validateAgreementContent(opts.content);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const old = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    requireAgreementStatus(old, 'draft', 'final');
    requirePrevailingLanguage(
      opts.content.prevailingLanguage,
      await listCasePartiesForAgreement(trx, opts.caseId),
    );
    const id = newId();
    const version = (await findLatestAgreementVersion(trx, opts.caseId)) + 1;
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'draft_agreement',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: {
        agreementId: id,
        agreementVersion: version,
        revises: old.id,
        revisedStatus: old.status,
      },
    });
    if (
      !(await updateAgreementFromStatus(trx, old.id, old.status, {
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
    await recordAgreementTranslations(trx, {
      orgId: t.orgId,
      agreementId: id,
      content: opts.content,
      previous: {
        agreementId: old.id,
        content: agreementContent.parse(JSON.parse(old.content_json)),
      },
      actor: opts.actor,
      translatedBy: opts.translatedBy ?? {},
      at,
    });
    return { agreementId: id, agreementVersion: version, caseVersion: t.version };
  });
}
