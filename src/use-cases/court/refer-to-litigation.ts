import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { formatMinor } from '../../domain/money.js';
import { newId } from '../../domain/new-id.js';
import {
  findCaseCore,
  listAgreementsOfCase,
  listCasePartiesForAgreement,
} from '../../db/repositories/agreement-repository.js';
import {
  countHeldSessions,
  insertCourtFiling,
  listCourtsOfOrg,
  listDossierDocuments,
} from '../../db/repositories/court-filing-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * 诉调对接: a failed case or a breached agreement goes to a court with a package that lets the
 * court carry on without starting over: the case summary, the parties with their service
 * addresses, the dossier's contents list and the reason. Personal data is kept to what service
 * needs: address, e-mail and the masked phone; identity-document numbers stay encrypted.
 */
export async function referToLitigation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; expectedVersion: number; courtId: string; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findCaseCore(trx, opts.caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'refer_litigation',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      patch: { closed_at: at },
      summary: { courtId: opts.courtId, reason: opts.reason, fromStatus: c.status },
    });
    const court = (await listCourtsOfOrg(trx, c.org_id)).find((x) => x.id === opts.courtId);
    if (!court) throw new AppError('VALIDATION_FAILED', { field: 'courtId' });
    const [parties, documents, agreements, sessionsHeld] = await Promise.all([
      listCasePartiesForAgreement(trx, opts.caseId),
      listDossierDocuments(trx, opts.caseId),
      listAgreementsOfCase(trx, opts.caseId),
      countHeldSessions(trx, opts.caseId),
    ]);
    const money = (minor: number | null, currency: string | null) =>
      minor !== null && currency ? { amount: formatMinor(minor, currency), currency } : null;
    const pkg = {
      kind: 'litigation_referral',
      reason: opts.reason,
      caseSummary: {
        reference: c.reference,
        category: c.category,
        summary: c.summary,
        description: c.description,
        statusAtReferral: c.status,
        outcome: c.outcome,
        outcomeReason: c.outcome_reason,
        claimed: money(c.claimed_amount_minor, c.claimed_currency),
        agreed: money(c.agreed_amount_minor, c.agreed_currency),
        recoveredCny: formatMinor(c.recovered_cny_minor, 'CNY'),
        sessionsHeld,
      },
      parties: parties.map((p) => ({
        partyId: p.id,
        role: p.role,
        kind: p.kind,
        name: p.name,
        country: p.country,
        agentName: p.agentName,
        service: { address: p.address, email: p.email, phoneMasked: p.phoneMasked },
      })),
      dossier: {
        documents: documents.map((d) => ({
          documentId: d.id,
          kind: d.kind,
          filename: d.filename,
          mediaType: d.media_type,
          sizeBytes: d.size_bytes,
          sha256: d.sha256,
          createdAt: d.created_at,
        })),
        agreements: agreements.map((a) => ({
          agreementId: a.id,
          version: a.version,
          status: a.status,
          textHash: a.text_hash,
          effectiveAt: a.effective_at,
        })),
      },
    };
    const id = newId();
    await insertCourtFiling(trx, {
      id,
      org_id: t.orgId,
      case_id: opts.caseId,
      court_id: court.id,
      kind: 'litigation',
      status: 'filed',
      agreement_id: agreements.find((a) => a.status === 'in_effect')?.id ?? null,
      reason: opts.reason,
      package_json: JSON.stringify(pkg),
      filed_at: at,
      filed_by: opts.actor.userId,
    });
    await emitCaseEvent(trx, {
      orgId: t.orgId,
      caseId: opts.caseId,
      event: 'referral.made',
      params: { filingId: id, courtId: court.id },
      at,
      dedupeKey: id,
    });
    return { filingId: id, status: t.status, caseVersion: t.version };
  });
}
