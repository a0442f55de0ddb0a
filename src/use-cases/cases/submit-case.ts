import countries from 'i18n-iso-countries';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { AppError } from '../../domain/app-error.js';
import { hasRole, type Actor } from '../../domain/authorize-case-access.js';
import { formatCaseReference, yearInTimeZone } from '../../domain/case-reference.js';
import {
  consentTextVersions,
  isForeignCountry,
  type IntakeConsentKind,
} from '../../domain/consent-texts.js';
import {
  caseCategories,
  nationalCategoryOf,
  type CaseCategory,
  type CaseSource,
} from '../../domain/dispute-categories.js';
import { encryptField, maskValue } from '../../domain/encrypt-personal-data.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import { isKnownLanguage } from '../../domain/language-families.js';
import { parseMoney } from '../../domain/money.js';
import { newId } from '../../domain/new-id.js';
import { buildSearchText } from '../../domain/search-tokens.js';
import { buildAuditEventRow } from '../../db/repositories/audit-repository.js';
import { findIntakeOrg, type IntakeRows } from '../../db/repositories/case-repository.js';
import { caseEventJob } from '../../db/repositories/emit-case-event.js';
import { buildOutboxRow } from '../../db/repositories/outbox-repository.js';
import { buildPartyInvite } from '../auth/create-party-invite.js';
import type { UseCaseContext } from '../use-case-context.js';
import { fileApplication, type PreparedApplication } from './file-applications.js';
import { requireIntakeAllowance } from './require-intake-allowance.js';

export interface IntakeParty {
  role: 'applicant' | 'respondent';
  kind: 'person' | 'organization';
  name: string;
  country: string;
  languages: string[];
  preferredLanguage: string;
  email?: string;
  phone?: string;
  idDocument?: { type: string; number: string };
  address?: string;
  agentName?: string;
}

export interface SubmitCaseInput {
  orgSlug?: string;
  category: string;
  summary: string;
  description: string;
  claimedAmount?: { amount: string; currency: string };
  source: CaseSource;
  referringCourtId?: string;
  isMaritime?: boolean;
  parties: IntakeParty[];
  consents: IntakeConsentKind[];
}

const invalid = (field: string, reason?: string) =>
  new AppError('VALIDATION_FAILED', { field, ...(reason ? { details: { reason } } : {}) });

/** Checks what zod cannot: reference data (ISO codes, phone plans) and cross-field rules. */
function validateParties(parties: IntakeParty[]): void {
  parties.forEach((p, i) => {
    const at = `parties.${i}`;
    if (!countries.isValid(p.country) || p.country !== p.country.toUpperCase()) {
      throw invalid(`${at}.country`);
    }
    p.languages.forEach((l, j) => {
      if (!isKnownLanguage(l)) throw invalid(`${at}.languages.${j}`);
    });
    if (!p.languages.includes(p.preferredLanguage)) throw invalid(`${at}.preferredLanguage`);
    if (!p.email && !p.phone) throw invalid(`${at}.email`, 'email_or_phone_required');
  });
  if (!parties.some((p) => p.role === 'applicant')) throw invalid('parties', 'applicant_required');
  if (!parties.some((p) => p.role === 'respondent'))
    throw invalid('parties', 'respondent_required');
}

function normalisePhone(phone: string, country: string, field: string): string {
  const parsed = parsePhoneNumberFromString(phone, country as CountryCode);
  if (!parsed || !parsed.isValid()) throw invalid(field);
  return parsed.number;
}

/**
 * Files an application (DESIGN §2, §6): validates it, numbers it, stores the parties with their
 * phone and identity numbers encrypted, records each consent with its text version, and queues
 * the "case submitted" event with a follow link for every applicant that has an e-mail.
 * Anyone may apply; staff of the receiving committee may also enter cases from other sources.
 */
export interface SubmitCaseOptions {
  actor: Actor | null;
  input: SubmitCaseInput;
  /** The caller's address: public applications are limited per IP (staff entries are not). */
  ip?: string | null;
}

export interface SubmittedCase {
  id: string;
  reference: string;
  status: 'submitted';
  version: number;
}

export async function submitCase(
  ctx: UseCaseContext,
  opts: SubmitCaseOptions,
): Promise<SubmittedCase> {
  return fileApplication(ctx.db, await prepareApplication(ctx, opts));
}

/**
 * Everything of submitCase up to the write: validation, reference data, the per-IP allowance
 * and every row that needs no lock. Filing it (file-applications.ts) numbers and writes it.
 */
export async function prepareApplication(
  ctx: UseCaseContext,
  opts: SubmitCaseOptions,
): Promise<PreparedApplication<SubmittedCase>> {
  const input = opts.input;
  if (!(caseCategories as readonly string[]).includes(input.category)) throw invalid('category');
  validateParties(input.parties);
  const claimed = input.claimedAmount
    ? parseMoney(input.claimedAmount.amount, input.claimedAmount.currency, 'claimedAmount.amount')
    : undefined;
  const hasForeignParty = input.parties.some((p) => isForeignCountry(p.country));
  if (!input.consents.includes('processing')) throw invalid('consents', 'processing_required');
  if (hasForeignParty && !input.consents.includes('cross_border')) {
    throw invalid('consents', 'cross_border_required');
  }

  const org = await findIntakeOrg(ctx.db, input.orgSlug);
  if (!org) throw invalid('orgSlug', 'unknown_org');
  const isStaff = !!opts.actor && hasRole(opts.actor, org.id, 'officer', 'director');
  if (!isStaff && input.source !== 'application') throw invalid('source', 'staff_only_source');
  if (input.referringCourtId) {
    if (input.source !== 'court_referral') throw invalid('referringCourtId');
    const court = await ctx.db
      .selectFrom('courts')
      .select('id')
      .where('id', '=', input.referringCourtId)
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (!court) throw invalid('referringCourtId');
  }

  // Everything that needs no lock is built here, before the transaction: on PostgreSQL the
  // transaction holds the organisation's lock, and other applications to it wait meanwhile.
  const ring = loadFieldKeyring(ctx.config);
  const at = ctx.clock.now().toISOString();
  const caseId = newId();
  const partyRows = input.parties.map((p, i) => {
    const phone = p.phone ? normalisePhone(p.phone, p.country, `parties.${i}.phone`) : null;
    return {
      id: newId(),
      org_id: org.id,
      case_id: caseId,
      role: p.role,
      kind: p.kind,
      name: p.name,
      country: p.country,
      languages_json: JSON.stringify(p.languages),
      preferred_language: p.preferredLanguage,
      email: p.email?.trim().toLowerCase() ?? null,
      phone_enc: phone ? encryptField(ring, phone) : null,
      phone_masked: phone ? maskValue(phone) : null,
      id_document_type: p.idDocument?.type ?? null,
      id_document_enc: p.idDocument ? encryptField(ring, p.idDocument.number) : null,
      id_document_masked: p.idDocument ? maskValue(p.idDocument.number) : null,
      address: p.address ?? null,
      agent_name: p.agentName ?? null,
      is_foreign: isForeignCountry(p.country) ? 1 : 0,
      created_at: at,
    };
  });
  const applicants = partyRows.filter((p) => p.role === 'applicant');
  const consentRows = applicants.flatMap((p) =>
    [...new Set(input.consents)].map((kind) => ({
      id: newId(),
      org_id: org.id,
      case_id: caseId,
      party_id: p.id,
      kind,
      text_version: consentTextVersions[kind],
      given_at: at,
    })),
  );
  // The follow link's token travels only in the outbox row the notifier reads; it is stored
  // nowhere else in clear (party_invites keeps its hash).
  const invites = applicants
    .filter((p) => p.email)
    .map((p) => ({
      partyId: p.id,
      ...buildPartyInvite({ orgId: org.id, caseId, partyId: p.id, at }),
    }));
  const category = input.category as CaseCategory;
  const year = yearInTimeZone(at, org.time_zone);
  // Last before the transaction, so that an application refused above is not counted.
  const rateLimitEvent = isStaff ? undefined : await requireIntakeAllowance(ctx, opts.ip);

  return {
    orgId: org.id,
    year,
    // Runs under the committee's lock: only what needs the case number or the chain head.
    complete: (seq, auditHead) => {
      const reference = formatCaseReference(org.reference_prefix, year, seq);
      const params: Record<string, string> = { reference };
      for (const i of invites) params[`inviteToken_${i.partyId}`] = i.token;
      const rows: IntakeRows = {
        case: {
          id: caseId,
          org_id: org.id,
          reference,
          status: 'submitted',
          source: input.source,
          referring_court_id: input.referringCourtId ?? null,
          category,
          national_category: nationalCategoryOf(category),
          is_maritime: input.isMaritime ? 1 : 0,
          summary: input.summary,
          description: input.description,
          claimed_amount_minor: claimed?.amountMinor ?? null,
          claimed_currency: claimed?.currency ?? null,
          has_foreign_party: hasForeignParty ? 1 : 0,
          search_text: buildSearchText([
            reference,
            input.summary,
            input.description,
            ...input.parties.map((p) => p.name),
          ]),
          submitted_at: at,
          created_at: at,
          updated_at: at,
        },
        parties: partyRows,
        consents: consentRows,
        audit: buildAuditEventRow(auditHead, {
          orgId: org.id,
          caseId,
          actorUserId: opts.actor?.userId ?? null,
          actorLabel: isStaff ? opts.actor!.displayName : 'applicant',
          action: 'case.submit',
          entityType: 'case',
          entityId: caseId,
          summary: {
            reference,
            source: input.source,
            category,
            parties: partyRows.length,
            consents: consentRows.map((c) => ({ kind: c.kind, textVersion: c.text_version })),
          },
          at,
        }),
        invites: invites.map((i) => i.row),
        outbox: buildOutboxRow(
          caseEventJob({
            orgId: org.id,
            caseId,
            event: 'case.submitted',
            params,
            at,
            dedupeKey: caseId,
          }),
        ),
        rateLimitEvent,
      };
      return {
        rows,
        result: { id: caseId, reference, status: 'submitted' as const, version: 1 },
      };
    },
  };
}
