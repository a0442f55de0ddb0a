import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  AgreementConfirmationsTable,
  AgreementSignaturesTable,
  AgreementsTable,
  Database,
} from '../schema.js';
import type { AgreementPartyDetails } from '../../domain/agreement-text-hash.js';

export type AgreementRow = Selectable<AgreementsTable>;
export type AgreementSignatureRow = Selectable<AgreementSignaturesTable>;
export type AgreementConfirmationRow = Selectable<AgreementConfirmationsTable>;

/** The case facts the agreement, court and performance use cases need, with the org's time zone. */
export async function findCaseCore(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('organizations', 'organizations.id', 'cases.org_id')
    .select([
      'cases.id',
      'cases.org_id',
      'cases.reference',
      'cases.status',
      'cases.version',
      'cases.is_maritime',
      'cases.referring_court_id',
      'cases.category',
      'cases.summary',
      'cases.description',
      'cases.claimed_amount_minor',
      'cases.claimed_currency',
      'cases.outcome',
      'cases.outcome_reason',
      'cases.agreed_amount_minor',
      'cases.agreed_currency',
      'cases.agreed_amount_cny_minor',
      'cases.recovered_cny_minor',
      'organizations.time_zone',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

export interface CasePartyForAgreement extends AgreementPartyDetails {
  userId: string | null;
  /** The languages the party reads: the preferred one and those declared (never in the hash). */
  preferredLanguage: string;
  languages: string[];
  email: string | null;
  phoneMasked: string | null;
}

/** The parties of a case with the details an agreement states; no encrypted field is read. */
export async function listCasePartiesForAgreement(
  db: Kysely<Database>,
  caseId: string,
): Promise<CasePartyForAgreement[]> {
  const rows = await db
    .selectFrom('case_parties')
    .select([
      'id',
      'role',
      'kind',
      'name',
      'country',
      'address',
      'agent_name',
      'id_document_type',
      'id_document_masked',
      'user_id',
      'email',
      'phone_masked',
      'preferred_language',
      'languages_json',
    ])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    kind: r.kind,
    name: r.name,
    country: r.country,
    address: r.address,
    agentName: r.agent_name,
    idDocumentType: r.id_document_type,
    idDocumentMasked: r.id_document_masked,
    userId: r.user_id,
    email: r.email,
    phoneMasked: r.phone_masked,
    preferredLanguage: r.preferred_language,
    languages: JSON.parse(r.languages_json) as string[],
  }));
}

export async function insertAgreement(
  db: Kysely<Database>,
  row: Insertable<AgreementsTable>,
): Promise<void> {
  await db.insertInto('agreements').values(row).execute();
}

export async function findAgreement(
  db: Kysely<Database>,
  agreementId: string,
): Promise<AgreementRow | undefined> {
  return db.selectFrom('agreements').selectAll().where('id', '=', agreementId).executeTakeFirst();
}

export async function listAgreementsOfCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<AgreementRow[]> {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('version')
    .execute();
}

export async function findLatestAgreementVersion(
  db: Kysely<Database>,
  caseId: string,
): Promise<number> {
  const r = await db
    .selectFrom('agreements')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** The agreement currently in effect for a case, if any. */
export async function findAgreementInEffect(
  db: Kysely<Database>,
  caseId: string,
): Promise<AgreementRow | undefined> {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'in_effect')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Agreements of the case still being worked on (draft or final, not yet in effect). */
export async function listOpenAgreementsOfCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<AgreementRow[]> {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', 'in', ['draft', 'final'])
    .execute();
}

/**
 * Changes an agreement only if it is still in `fromStatus`; returns false when someone else
 * moved it first, so that the caller can refuse instead of overwriting.
 */
export async function updateAgreementFromStatus(
  db: Kysely<Database>,
  agreementId: string,
  fromStatus: string,
  patch: Updateable<AgreementsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('agreements')
    .set(patch)
    .where('id', '=', agreementId)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAgreementConfirmation(
  db: Kysely<Database>,
  row: Insertable<AgreementConfirmationsTable>,
): Promise<void> {
  await db.insertInto('agreement_confirmations').values(row).execute();
}

export async function listAgreementConfirmations(
  db: Kysely<Database>,
  agreementId: string,
): Promise<AgreementConfirmationRow[]> {
  return db
    .selectFrom('agreement_confirmations')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('party_id')
    .orderBy('point_no')
    .execute();
}

export async function insertAgreementSignature(
  db: Kysely<Database>,
  row: Insertable<AgreementSignaturesTable>,
): Promise<void> {
  await db.insertInto('agreement_signatures').values(row).execute();
}

export async function listAgreementSignatures(
  db: Kysely<Database>,
  agreementId: string,
): Promise<AgreementSignatureRow[]> {
  return db
    .selectFrom('agreement_signatures')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
}

/** Team members currently on the case, with their profile names (the mediators who may sign). */
export async function listActiveTeamMediators(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_team_members')
    .innerJoin('mediator_profiles', 'mediator_profiles.id', 'case_team_members.mediator_id')
    .select([
      'case_team_members.mediator_id',
      'case_team_members.role',
      'mediator_profiles.display_name',
      'mediator_profiles.user_id',
    ])
    .where('case_team_members.case_id', '=', caseId)
    .where('case_team_members.removed_at', 'is', null)
    .execute();
}
