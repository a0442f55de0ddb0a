import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import { isValidDate, localDateOf } from '../../domain/performance-rules.js';
import {
  findCaseCore,
  listCasePartiesForAgreement,
} from '../../db/repositories/agreement-repository.js';
import {
  insertCourtFiling,
  listCourtFilingsOfCase,
} from '../../db/repositories/court-filing-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { suggestConfirmation } from './get-confirmation-suggestion.js';

/**
 * Files the parties' joint application for judicial confirmation (Art. 33). The parties apply
 * jointly in writing; the officer files it on their behalf and names every applying party, so
 * the filing records that all parties applied (a party missing from `applicantPartyIds` makes
 * it a one-sided application, which the court would not accept: refused with 400). The filing
 * must be made within 30 days of the agreement taking effect (409 DEADLINE_PASSED after) with
 * an eligible court: the seat court, the referring court, or the maritime court.
 */
export async function fileConfirmationApplication(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    expectedVersion: number;
    courtId: string;
    applicantPartyIds: string[];
    applicationDate: string;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'apply_confirmation',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { courtId: opts.courtId },
    });
    const s = await suggestConfirmation({ ...ctx, db: trx }, opts.caseId);
    if (!s.window.open) {
      throw new AppError('DEADLINE_PASSED', {
        details: { deadline: s.window.deadline, effectiveAt: s.effectiveAt },
      });
    }
    // The joint application is dated by the parties: a real day, not after today.
    if (
      !isValidDate(opts.applicationDate) ||
      opts.applicationDate > localDateOf(at, (await findCaseCore(trx, opts.caseId))!.time_zone)
    )
      throw new AppError('VALIDATION_FAILED', { field: 'applicationDate' });
    const court = s.courts.find((c) => c.id === opts.courtId);
    if (!court) throw new AppError('VALIDATION_FAILED', { field: 'courtId' });
    const parties = await listCasePartiesForAgreement(trx, opts.caseId);
    const applying = new Set(opts.applicantPartyIds);
    if (
      applying.size !== opts.applicantPartyIds.length ||
      parties.some((p) => !applying.has(p.id)) ||
      opts.applicantPartyIds.some((id) => !parties.some((p) => p.id === id))
    ) {
      throw new AppError('VALIDATION_FAILED', { field: 'applicantPartyIds' });
    }
    const open = (await listCourtFilingsOfCase(trx, opts.caseId)).find(
      (f) => f.kind === 'confirmation' && ['filed', 'accepted', 'confirmed'].includes(f.status),
    );
    if (open) throw new AppError('ALREADY_EXISTS', { details: { filingId: open.id } });
    const id = newId();
    await insertCourtFiling(trx, {
      id,
      org_id: t.orgId,
      case_id: opts.caseId,
      court_id: court.id,
      kind: 'confirmation',
      status: 'filed',
      agreement_id: s.agreementId,
      package_json: JSON.stringify({
        kind: 'judicial_confirmation_application',
        courtReason: court.reason,
        applicationDate: opts.applicationDate,
        jointApplication: true,
        applicants: parties.map((p) => ({ partyId: p.id, role: p.role, name: p.name })),
        agreementId: s.agreementId,
        agreementEffectiveAt: s.effectiveAt,
        deadline: s.window.deadline,
      }),
      filed_at: at,
      filed_by: opts.actor.userId,
    });
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'confirmation.filed',
      params: { filingId: id, courtId: court.id },
      at,
      dedupeKey: id,
    });
    return { filingId: id, courtId: court.id, deadline: s.window.deadline, caseVersion: t.version };
  });
}
