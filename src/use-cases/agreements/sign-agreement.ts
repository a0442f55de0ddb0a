import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import {
  findCaseCore,
  insertAgreementSignature,
  listActiveTeamMediators,
  listAgreementConfirmations,
  listAgreementSignatures,
  listCasePartiesForAgreement,
} from '../../db/repositories/agreement-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeAgreementText } from './compute-agreement-text-hash.js';
import { assessAgreementReadability, requireReadableBy } from './assess-agreement-readability.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

export const signatureMethods = ['electronic', 'handwritten', 'seal', 'fingerprint'] as const;
export type SignatureMethod = (typeof signatureMethods)[number];

/**
 * A signature on the final text, recording signer, time, IP and the hash of the exact text.
 * - A party signs electronically as itself, after confirming every point. Signing on paper
 *   (handwritten, seal, fingerprint) in front of the committee is recorded by an officer.
 * - A mediator of the team signs as itself.
 * An oral agreement carries no party signatures: the mediator's signature records its terms.
 */
export async function signAgreement(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    agreementId: string;
    expectedVersion: number;
    signer: 'party' | 'mediator';
    partyId?: string;
    method?: SignatureMethod;
    ip: string | null;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'director',
    'officer',
    'mediator',
    'party',
  ]);
  const method = opts.method ?? 'electronic';
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    const signatures = await listAgreementSignatures(trx, a.id);
    let row: {
      signer_kind: string;
      party_id: string | null;
      mediator_id: string | null;
      signer_name: string;
    };
    if (opts.signer === 'party') {
      const parties = await listCasePartiesForAgreement(trx, opts.caseId);
      const party = parties.find((p) => p.id === opts.partyId);
      if (!party) throw new AppError('VALIDATION_FAILED', { field: 'partyId' });
      const recordsPaper =
        method !== 'electronic' && c.relations.some((r) => r === 'director' || r === 'officer');
      if (!recordsPaper && party.userId !== opts.actor.userId) throw new AppError('FORBIDDEN');
      requireAgreementStatus(a, 'final');
      if (a.oral === 1) throw new AppError('VALIDATION_FAILED', { field: 'signer' });
      const readability = await assessAgreementReadability(trx, a, parties);
      const content = readability.content;
      // Nobody signs what they cannot read: every section and point, in a language of theirs.
      requireReadableBy(readability, party.id);
      const confirmed = (await listAgreementConfirmations(trx, a.id)).filter(
        (x) => x.party_id === party.id,
      ).length;
      if (confirmed < content.points.length)
        throw new AppError('AGREEMENT_INCOMPLETE', {
          details: { partyId: party.id, pointsConfirmed: confirmed, points: content.points.length },
        });
      if (signatures.some((s) => s.party_id === party.id)) throw new AppError('ALREADY_EXISTS');
      row = {
        signer_kind: 'party',
        party_id: party.id,
        mediator_id: null,
        signer_name: party.name,
      };
    } else {
      if (method !== 'electronic' && method !== 'handwritten')
        throw new AppError('VALIDATION_FAILED', { field: 'method' });
      const team = await listActiveTeamMediators(trx, opts.caseId);
      const me = team.find((m) => opts.actor.mediatorIds.includes(m.mediator_id));
      if (!me) throw new AppError('FORBIDDEN');
      requireAgreementStatus(a, 'final');
      if (signatures.some((s) => s.mediator_id === me.mediator_id))
        throw new AppError('ALREADY_EXISTS');
      row = {
        signer_kind: 'mediator',
        party_id: null,
        mediator_id: me.mediator_id,
        signer_name: me.display_name,
      };
    }
    const core = await findCaseCore(trx, opts.caseId);
    const { hash } = await computeAgreementText(trx, a, core!.reference);
    if (hash !== a.text_hash) throw new AppError('AGREEMENT_TEXT_CHANGED');
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'draft_agreement',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: {
        agreementId: a.id,
        signed: {
          kind: row.signer_kind,
          partyId: row.party_id,
          mediatorId: row.mediator_id,
          method,
        },
        textHash: hash,
      },
    });
    const id = newId();
    await insertAgreementSignature(trx, {
      id,
      org_id: t.orgId,
      agreement_id: a.id,
      ...row,
      user_id: opts.actor.userId,
      method,
      signed_at: at,
      ip: opts.ip,
      text_hash: hash,
    });
    return { signatureId: id, textHash: hash, signedAt: at, caseVersion: t.version };
  });
}
