import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { AgreementContent } from '../../domain/agreement-content.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import {
  requirePrevailingLanguage,
  validateAgreementContent,
} from '../../domain/validate-agreement-content.js';
import {
  findAgreementInEffect,
  findLatestAgreementVersion,
  listCasePartiesForAgreement,
  insertAgreement,
  listOpenAgreementsOfCase,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import {
  recordAgreementTranslations,
  type TranslationCredit,
} from './record-agreement-translations.js';

/**
 * The team's proposal (建议方案) becomes a draft agreement: version 1, or the next version when
 * it corrects the agreement in effect (`supersedesId`, after mediation was reopened). An oral
 * agreement is drafted the same way with `oral`: the mediator records the terms the parties
 * agreed aloud. One agreement is open at a time; edits go through reviseAgreement.
 */
export async function draftAgreement(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    expectedVersion: number;
    content: AgreementContent;
    /** Credit for new or changed translations, by language (an outside translator, a machine). */
    translatedBy?: Record<string, TranslationCredit>;
    oral?: boolean;
    supersedesId?: string;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const terms = validateAgreementContent(opts.content);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const open = await listOpenAgreementsOfCase(trx, opts.caseId);
    if (open.length > 0) {
      throw new AppError('ALREADY_EXISTS', { details: { agreementId: open[0]!.id } });
    }
    if (opts.supersedesId) {
      const inEffect = await findAgreementInEffect(trx, opts.caseId);
      if (!inEffect || inEffect.id !== opts.supersedesId)
        throw new AppError('VALIDATION_FAILED', { field: 'supersedesId' });
    }
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
        supersedesId: opts.supersedesId ?? null,
      },
    });
    await insertAgreement(trx, {
      id,
      org_id: t.orgId,
      case_id: opts.caseId,
      version,
      supersedes_id: opts.supersedesId ?? null,
      status: 'draft',
      oral: opts.oral ? 1 : 0,
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
      previous: null,
      actor: opts.actor,
      translatedBy: opts.translatedBy ?? {},
      at,
    });
    return { agreementId: id, agreementVersion: version, caseVersion: t.version };
  });
}
