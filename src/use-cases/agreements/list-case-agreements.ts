import type { Actor } from '../../domain/authorize-case-access.js';
import type { AgreementContent } from '../../domain/agreement-content.js';
import { missingByLanguage } from '../../domain/translation-coverage.js';
import { listTranslationAssignments } from '../../db/repositories/agreement-translation-repository.js';
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
import { assessAgreementReadability } from './assess-agreement-readability.js';
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
  /** Who made each translation of each section or point, and how. */
  translations: {
    section: string;
    language: string;
    method: 'human' | 'machine';
    translatorName: string;
    translatorUserId: string | null;
    createdAt: string;
    approved: boolean;
    approvedName: string | null;
  }[];
  sightTranslations: {
    id: string;
    partyId: string;
    language: string;
    interpreterKind: string;
    interpreterName: string;
    interpretedAt: string;
    confirmed: boolean;
  }[];
  /** Per party: the languages they read and what they cannot read yet (empty: may sign). */
  readability: { partyId: string; languages: string[]; missingSections: string[] }[];
  /** The team's checklist: per language a party reads, what is missing and who owes it. */
  translationStatus: {
    language: string;
    missingSections: string[];
    assignee: { userId: string; name: string } | null;
  }[];
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
  const assignments = await listTranslationAssignments(ctx.db, opts.caseId);
  const out: AgreementView[] = [];
  for (const a of rows) out.push(await presentAgreement(ctx, a, c.reference, parties, assignments));
  return out;
}

async function presentAgreement(
  ctx: UseCaseContext,
  a: AgreementRow,
  reference: string,
  parties: Awaited<ReturnType<typeof listCasePartiesForAgreement>>,
  assignments: Awaited<ReturnType<typeof listTranslationAssignments>>,
): Promise<AgreementView> {
  const [confirmations, signatures, readability] = await Promise.all([
    listAgreementConfirmations(ctx.db, a.id),
    listAgreementSignatures(ctx.db, a.id),
    assessAgreementReadability(ctx.db, a, parties),
  ]);
  const languages = [...new Set(readability.parties.flatMap((p) => p.languages))].sort();
  const current = a.text_hash ? (await computeAgreementText(ctx.db, a, reference)).hash : null;
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    oral: a.oral === 1,
    supersedesId: a.supersedes_id,
    content: readability.content,
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
    translations: readability.translations.map((t) => ({
      section: t.section,
      language: t.language,
      method: t.method === 'machine' ? 'machine' : 'human',
      translatorName: t.translator_name,
      translatorUserId: t.translator_user_id,
      createdAt: t.created_at,
      approved: t.method !== 'machine' || t.approved_at !== null,
      approvedName: t.approved_name,
    })),
    sightTranslations: readability.sightTranslations.map((s) => ({
      id: s.id,
      partyId: s.party_id,
      language: s.language,
      interpreterKind: s.interpreter_kind,
      interpreterName: s.interpreter_name,
      interpretedAt: s.interpreted_at,
      confirmed: s.confirmed_at !== null,
    })),
    readability: readability.parties,
    translationStatus: missingByLanguage(
      readability.sections,
      languages,
      readability.unapproved,
    ).map((m) => {
      const who = assignments.find((x) => x.language === m.language);
      return {
        language: m.language,
        missingSections: m.sections,
        assignee: who ? { userId: who.assignee_user_id, name: who.display_name } : null,
      };
    }),
  };
}
