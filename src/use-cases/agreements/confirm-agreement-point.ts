import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import {
  insertAgreementConfirmation,
  listAgreementConfirmations,
  listCasePartiesForAgreement,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { assessAgreementReadability, requireReadableBy } from './assess-agreement-readability.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * "三必": every consensus point is confirmed explicitly by each party, one by one, on the final
 * text. A party confirms for itself; a mediator of the team or an officer records a confirmation
 * given in person (confirmed_by says who recorded it).
 */
export async function confirmAgreementPoint(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    agreementId: string;
    expectedVersion: number;
    partyId: string;
    pointNo: number;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'director',
    'officer',
    'mediator',
    'party',
  ]);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    const parties = await listCasePartiesForAgreement(trx, opts.caseId);
    const party = parties.find((p) => p.id === opts.partyId);
    if (!party) throw new AppError('VALIDATION_FAILED', { field: 'partyId' });
    const staff = c.relations.some((r) => r === 'director' || r === 'officer' || r === 'mediator');
    // A party may confirm only its own points.
    if (!staff && party.userId !== opts.actor.userId) throw new AppError('FORBIDDEN');
    requireAgreementStatus(a, 'final');
    const readability = await assessAgreementReadability(trx, a, parties);
    const content = readability.content;
    if (!content.points.some((p) => p.no === opts.pointNo))
      throw new AppError('VALIDATION_FAILED', { field: 'pointNo' });
    // Also when staff record a confirmation given in person: the party must have read it.
    requireReadableBy(readability, party.id, [`points.${opts.pointNo}`]);
    const existing = await listAgreementConfirmations(trx, a.id);
    if (existing.some((x) => x.party_id === opts.partyId && x.point_no === opts.pointNo))
      throw new AppError('ALREADY_EXISTS');
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'draft_agreement',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { agreementId: a.id, confirmed: { partyId: opts.partyId, pointNo: opts.pointNo } },
    });
    await insertAgreementConfirmation(trx, {
      id: newId(),
      org_id: t.orgId,
      agreement_id: a.id,
      party_id: opts.partyId,
      point_no: opts.pointNo,
      confirmed_at: at,
      confirmed_by: opts.actor.userId,
    });
    const confirmedByParty =
      existing.filter((x) => x.party_id === opts.partyId).length + 1 === content.points.length;
    return { caseVersion: t.version, partyConfirmedAllPoints: confirmedByParty };
  });
}
