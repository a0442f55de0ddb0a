import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { agreementContent } from '../../domain/agreement-content.js';
import { parseSessionParticipants, parseSessionRecord } from '../../domain/session-record.js';
import type {
  CaseDocumentBundle,
  DocumentAgreement,
  DocumentSession,
} from '../../documents/case-document-bundle.js';

// Agreement states that have a text worth printing; a bare proposal is not yet an agreement.
const printableAgreementStates = ['draft', 'final', 'in_effect'];

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sessionRecordOf(json: string | null): DocumentSession['record'] {
  if (!json) return null;
  const { lang, text, translations, interpreterAbsence, correctionReason } =
    parseSessionRecord(json);
  return {
    lang,
    text,
    translations,
    interpreterAbsence: interpreterAbsence
      ? { reason: interpreterAbsence.reason, recordedByName: interpreterAbsence.recordedByName }
      : null,
    correctionReason: correctionReason ?? null,
  };
}

// Names and role codes: the documents print the role's name, never the code.
const participantsOf = (json: string): DocumentSession['participants'] =>
  parseSessionParticipants(json).map((p) => ({ kind: p.kind, name: p.name, role: p.role }));

/** Loads the case and everything its documents print; undefined if there is no such case. */
export async function findCaseDocumentBundle(
  db: Kysely<Database>,
  caseId: string,
): Promise<CaseDocumentBundle | undefined> {
  const c = await db
    .selectFrom('cases')
    .innerJoin('organizations', 'organizations.id', 'cases.org_id')
    .select([
      'cases.id',
      'cases.org_id',
      'cases.reference',
      'cases.status',
      'cases.source',
      'cases.category',
      'cases.national_category',
      'cases.summary',
      'cases.description',
      'cases.submitted_at',
      'cases.accepted_at',
      'cases.claimed_amount_minor',
      'cases.claimed_currency',
      'cases.outcome_reason',
      'organizations.name as org_name',
      'organizations.name_en as org_name_en',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;

  const [parties, team, agreementRow, sessions, filings, files, followUps, payments] =
    await Promise.all([
      db
        .selectFrom('case_parties')
        .selectAll()
        .where('case_id', '=', caseId)
        // Applicants before respondents, as documents list them.
        .orderBy('role')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('case_team_members')
        .innerJoin('mediator_profiles', 'mediator_profiles.id', 'case_team_members.mediator_id')
        .select([
          'case_team_members.mediator_id',
          'case_team_members.role',
          'mediator_profiles.display_name',
          'mediator_profiles.kind',
        ])
        .where('case_team_members.case_id', '=', caseId)
        .where('case_team_members.removed_at', 'is', null)
        .orderBy('case_team_members.assigned_at')
        .execute(),
      db
        .selectFrom('agreements')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('status', 'in', printableAgreementStates)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
      db
        .selectFrom('mediation_sessions')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('starts_at')
        .execute(),
      db
        .selectFrom('court_filings')
        .innerJoin('courts', 'courts.id', 'court_filings.court_id')
        .select([
          'court_filings.id',
          'court_filings.kind',
          'court_filings.status',
          'court_filings.reason',
          'court_filings.filed_at',
          'court_filings.court_case_number',
          'courts.name as court_name',
          'courts.name_en as court_name_en',
          'courts.kind as court_kind',
        ])
        .where('court_filings.case_id', '=', caseId)
        .orderBy('court_filings.filed_at')
        .execute(),
      db
        .selectFrom('documents')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('follow_ups')
        .select(['due_on', 'done_at', 'method', 'notes'])
        .where('case_id', '=', caseId)
        .orderBy('due_on')
        .execute(),
      db
        .selectFrom('payments')
        .select(['paid_on', 'amount_minor', 'currency'])
        .where('case_id', '=', caseId)
        .orderBy('paid_on')
        .execute(),
    ]);

  let agreement: DocumentAgreement | undefined;
  if (agreementRow) {
    const content = agreementContent.safeParse(parseJson(agreementRow.content_json));
    if (content.success) {
      const confirmations = await db
        .selectFrom('agreement_confirmations')
        .select(['party_id', 'point_no', 'confirmed_at'])
        .where('agreement_id', '=', agreementRow.id)
        .orderBy('point_no')
        .orderBy('confirmed_at')
        .execute();
      const signatures = await db
        .selectFrom('agreement_signatures')
        .select(['signer_kind', 'party_id', 'mediator_id', 'signer_name', 'method', 'signed_at'])
        .where('agreement_id', '=', agreementRow.id)
        .orderBy('signed_at')
        .execute();
      agreement = {
        id: agreementRow.id,
        version: agreementRow.version,
        status: agreementRow.status,
        oral: agreementRow.oral === 1,
        content: content.data,
        textHash: agreementRow.text_hash,
        amountMinor: agreementRow.amount_minor === null ? null : Number(agreementRow.amount_minor),
        currency: agreementRow.currency,
        prevailingLanguage: agreementRow.prevailing_language,
        sealedAt: agreementRow.sealed_at,
        effectiveAt: agreementRow.effective_at,
        createdAt: agreementRow.created_at,
        confirmations: confirmations.map((c) => ({
          partyId: c.party_id,
          pointNo: c.point_no,
          confirmedAt: c.confirmed_at,
        })),
        signatures: signatures.map((s) => ({
          signerKind: s.signer_kind,
          partyId: s.party_id,
          mediatorId: s.mediator_id,
          signerName: s.signer_name,
          method: s.method,
          signedAt: s.signed_at,
        })),
      };
    }
  }

  return {
    org: { id: c.org_id, name: c.org_name, nameEn: c.org_name_en },
    case: {
      id: c.id,
      reference: c.reference,
      status: c.status,
      source: c.source,
      category: c.category,
      nationalCategory: c.national_category,
      summary: c.summary,
      description: c.description,
      submittedAt: c.submitted_at,
      acceptedAt: c.accepted_at,
      claimedAmountMinor: c.claimed_amount_minor === null ? null : Number(c.claimed_amount_minor),
      claimedCurrency: c.claimed_currency,
      outcomeReason: c.outcome_reason,
    },
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      country: p.country,
      preferredLanguage: p.preferred_language,
      address: p.address,
      idDocumentType: p.id_document_type,
      idDocumentMasked: p.id_document_masked,
      phoneEnc: p.phone_enc,
      phoneMasked: p.phone_masked,
      email: p.email,
      agentName: p.agent_name,
    })),
    team: team.map((t) => ({
      mediatorId: t.mediator_id,
      name: t.display_name,
      kind: t.kind,
      role: t.role,
    })),
    agreement,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      timeZone: s.time_zone,
      durationMinutes: s.duration_minutes,
      mode: s.mode,
      room: s.room,
      status: s.status,
      participants: participantsOf(s.participants_json),
      record: sessionRecordOf(s.record_json),
      interpreterPresent: s.interpreter_present === null ? null : s.interpreter_present === 1,
      heldAt: s.held_at,
    })),
    filings: filings.map((f) => ({
      id: f.id,
      kind: f.kind,
      status: f.status,
      court: { name: f.court_name, nameEn: f.court_name_en, kind: f.court_kind },
      reason: f.reason,
      filedAt: f.filed_at,
      courtCaseNumber: f.court_case_number,
    })),
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      filename: f.filename,
      mediaType: f.media_type,
      sizeBytes: Number(f.size_bytes),
      sha256: f.sha256,
      storageKey: f.storage_key,
      channel: f.channel ?? null,
      immutable: f.immutable === 1,
      createdAt: f.created_at,
    })),
    followUps: followUps.map((f) => ({
      dueOn: f.due_on,
      doneAt: f.done_at,
      method: f.method,
      notes: f.notes,
    })),
    payments: payments.map((p) => ({
      paidOn: p.paid_on,
      amountMinor: Number(p.amount_minor),
      currency: p.currency,
    })),
  };
}
