import type { Actor } from '../../domain/authorize-case-access.js';
import { agreementContent, type AgreementContent } from '../../domain/agreement-content.js';
import {
  findCaseCore,
  listAgreementConfirmations,
  listAgreementSignatures,
  listAgreementsOfCase,
  listCasePartiesForAgreement,
  type AgreementRow,
} from '../../db/repositories/agreement-repository.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeAgreementText } from './compute-agreement-text-hash.js';

export interface AgreementView {
  id: string;
  version: number;
  status: string;
  oral: boolean;
  supersedesId: string | null;
  content: AgreementContent;
  textHash: string | null;
  /** Whether the parties' details still hash to the finalised text (null before finalising). */
  textUnchanged: boolean | null;
  amountCnyMinor: number | null;
  fxRate: string | null;
  sealedAt: string | null;
  effectiveAt: string | null;
  createdAt: string;
  parties: { id: string; role: string; name: string; country: string; pointsConfirmed: number[] }[];
  signatures: {
    signerKind: string;
    partyId: string | null;
    mediatorId: string | null;
    signerName: string;
    method: string;
    signedAt: string;
    textHash: string;
  }[];
}

/** Every version of the case's agreement with its confirmations and signatures, oldest first. */
export async function listCaseAgreements(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
): Promise<AgreementView[]> {
  await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const c = (await findCaseCore(ctx.db, opts.caseId))!;
  const parties = await listCasePartiesForAgreement(ctx.db, opts.caseId);
  const rows = await listAgreementsOfCase(ctx.db, opts.caseId);
  const out: AgreementView[] = [];
  for (const a of rows) out.push(await presentAgreement(ctx, a, c.reference, parties));
  return out;
}

async function presentAgreement(
  ctx: UseCaseContext,
  a: AgreementRow,
  reference: string,
  parties: Awaited<ReturnType<typeof listCasePartiesForAgreement>>,
): Promise<AgreementView> {
  const [confirmations, signatures] = await Promise.all([
    listAgreementConfirmations(ctx.db, a.id),
    listAgreementSignatures(ctx.db, a.id),
  ]);
  const current = a.text_hash ? (await computeAgreementText(ctx.db, a, reference)).hash : null;
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    oral: a.oral === 1,
    supersedesId: a.supersedes_id,
    content: agreementContent.parse(JSON.parse(a.content_json)),
    textHash: a.text_hash,
    textUnchanged: a.text_hash ? current === a.text_hash : null,
    amountCnyMinor: a.amount_cny_minor,
    fxRate: a.fx_rate,
    sealedAt: a.sealed_at,
    effectiveAt: a.effective_at,
    createdAt: a.created_at,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      country: p.country,
      pointsConfirmed: confirmations.filter((x) => x.party_id === p.id).map((x) => x.point_no),
    })),
    signatures: signatures.map((s) => ({
      signerKind: s.signer_kind,
      partyId: s.party_id,
      mediatorId: s.mediator_id,
      signerName: s.signer_name,
      method: s.method,
      signedAt: s.signed_at,
      textHash: s.text_hash,
    })),
  };
}
