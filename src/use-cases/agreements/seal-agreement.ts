import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { agreementContent } from '../../domain/agreement-content.js';
import { isoNow } from '../../domain/clock.js';
import { convertToCnyMinor } from '../../domain/money.js';
import { newId } from '../../domain/new-id.js';
import { followUpDueOn, localDateOf } from '../../domain/performance-rules.js';
import { validateAgreementContent } from '../../domain/validate-agreement-content.js';
import {
  findAgreementInEffect,
  findCaseCore,
  listAgreementConfirmations,
  listAgreementSignatures,
  listCasePartiesForAgreement,
  updateAgreementFromStatus,
} from '../../db/repositories/agreement-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { requireFxRate } from '../../db/repositories/fx-rate-repository.js';
import {
  cancelOpenInstalmentsOfAgreement,
  insertFollowUp,
  insertInstalments,
} from '../../db/repositories/performance-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeAgreementText } from './compute-agreement-text-hash.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * The committee's seal, applied by an officer: the agreement takes effect once every party has
 * confirmed every point and signed (an oral agreement: confirmed), a mediator has signed, and
 * the text is still the one signed. In the same transaction the case concludes as agreed, the
 * amount is converted to CNY at the rate of the agreement day (stored, never recomputed), the
 * instalments are laid out, the follow-up visit (回访) is scheduled, and an agreement this one
 * corrects is superseded.
 */
export async function sealAgreement(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; agreementId: string; expectedVersion: number },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    requireAgreementStatus(a, 'final');
    const c = await findCaseCore(trx, opts.caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const content = agreementContent.parse(JSON.parse(a.content_json));
    const parties = await listCasePartiesForAgreement(trx, opts.caseId);
    const confirmations = await listAgreementConfirmations(trx, a.id);
    const signatures = await listAgreementSignatures(trx, a.id);
    const missing = {
      confirmations: parties
        .filter(
          (p) => confirmations.filter((x) => x.party_id === p.id).length < content.points.length,
        )
        .map((p) => p.id),
      partySignatures:
        a.oral === 1
          ? []
          : parties.filter((p) => !signatures.some((s) => s.party_id === p.id)).map((p) => p.id),
      mediatorSignature: !signatures.some((s) => s.signer_kind === 'mediator'),
    };
    if (
      missing.confirmations.length > 0 ||
      missing.partySignatures.length > 0 ||
      missing.mediatorSignature
    ) {
      throw new AppError('AGREEMENT_INCOMPLETE', { details: missing });
    }
    const { hash } = await computeAgreementText(trx, a, c.reference);
    if (hash !== a.text_hash) throw new AppError('AGREEMENT_TEXT_CHANGED');

    const terms = validateAgreementContent(content);
    const agreementDay = localDateOf(at, c.time_zone);
    let cny: { amountCnyMinor: number; rate: string } | null = null;
    if (terms.amountMinor !== null && terms.currency !== null) {
      const rate = await requireFxRate(trx, terms.currency, agreementDay, 'content.currency');
      cny = {
        amountCnyMinor: convertToCnyMinor(
          { amountMinor: terms.amountMinor, currency: terms.currency },
          rate,
        ),
        rate,
      };
    }
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'conclude_agreed',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      patch: {
        concluded_at: at,
        outcome: 'agreed',
        outcome_reason: null,
        agreed_at: at,
        agreed_amount_minor: terms.amountMinor,
        agreed_currency: terms.currency,
        agreed_amount_cny_minor: cny?.amountCnyMinor ?? null,
      },
      summary: {
        agreementId: a.id,
        agreementVersion: a.version,
        textHash: hash,
        agreedAmountMinor: terms.amountMinor,
        agreedCurrency: terms.currency,
        agreedAmountCnyMinor: cny?.amountCnyMinor ?? null,
        fxRate: cny?.rate ?? null,
      },
    });
    const previous = await findAgreementInEffect(trx, opts.caseId);
    if (previous) {
      await updateAgreementFromStatus(trx, previous.id, 'in_effect', {
        status: 'superseded',
        updated_at: at,
      });
      await cancelOpenInstalmentsOfAgreement(trx, previous.id);
    }
    if (
      !(await updateAgreementFromStatus(trx, a.id, 'final', {
        status: 'in_effect',
        sealed_by: opts.actor.userId,
        sealed_at: at,
        effective_at: at,
        amount_cny_minor: cny?.amountCnyMinor ?? null,
        fx_rate: cny?.rate ?? null,
        updated_at: at,
      }))
    )
      throw new AppError('VERSION_CONFLICT');
    await insertInstalments(
      trx,
      terms.instalments.map((i) => ({
        id: newId(),
        org_id: t.orgId,
        case_id: opts.caseId,
        agreement_id: a.id,
        seq: i.seq,
        due_on: i.dueOn,
        amount_minor: i.amountMinor,
        currency: terms.currency!,
        status: 'due',
      })),
    );
    // "Every agreement gets a follow-up visit": scheduled here, recorded by recordFollowUp.
    const followUpId = newId();
    const dueOn = followUpDueOn(
      agreementDay,
      terms.instalments.map((i) => i.dueOn),
    );
    await insertFollowUp(trx, {
      id: followUpId,
      org_id: t.orgId,
      case_id: opts.caseId,
      due_on: dueOn,
    });
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'agreement.in_effect',
      params: { agreementId: a.id, agreementVersion: a.version },
      at,
      dedupeKey: a.id,
    });
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'case.concluded',
      params: { outcome: 'agreed', agreementId: a.id },
      at,
      dedupeKey: `${opts.caseId}:agreed:${a.id}`,
    });
    return {
      agreementId: a.id,
      effectiveAt: at,
      textHash: hash,
      amountCnyMinor: cny?.amountCnyMinor ?? null,
      fxRate: cny?.rate ?? null,
      followUpId,
      followUpDueOn: dueOn,
      caseVersion: t.version,
    };
  });
}
