// Kysely's view of the schema. Keep in step with src/db/migrations (the migrations are the truth).
import type { ColumnType, Generated } from 'kysely';

/** bigint columns: pg returns strings unless told otherwise; connect-database.ts parses them as numbers. */
type Int8 = ColumnType<number, number | bigint, number | bigint>;
type NullableInt8 = ColumnType<number | null, number | bigint | null, number | bigint | null>;

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  name_en: string;
  reference_prefix: string;
  time_zone: Generated<string>;
  region_code: string | null;
  is_demo: Generated<number>;
  settings_json: Generated<string>;
  /** 1: directors and officers must sign in with TOTP (migration 2C00_accounts; demo org 0). */
  require_staff_totp: Generated<number>;
  /** {locale: name} for the locales beyond name (zh) and name_en (migration 0600_platform_admin). */
  names_json: Generated<string>;
  created_at: string;
}

export interface CourtsTable {
  id: string;
  org_id: string;
  name: string;
  name_en: string;
  kind: string;
  is_docking_centre: Generated<number>;
  is_seat_court: Generated<number>;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  locale: Generated<string>;
  time_zone: Generated<string>;
  email_preferences_json: Generated<string>;
  totp_secret_enc: string | null;
  /** Set once the user confirmed a code: from then on sign-in needs one (migration 1800_trust). */
  totp_confirmed_at: string | null;
  totp_last_step: NullableInt8;
  locked_until: string | null;
  disabled_at: string | null;
  /** 1: a platform administrator, who creates committees and belongs to none (0600_platform_admin). */
  platform_admin: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  org_id: string;
  user_id: string;
  role: string;
  court_id: string | null;
  created_at: string;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
  /** 'totp_enrollment': staff who must enrol TOTP first reach only enrolment, /me and sign-out. */
  restriction: string | null;
  /** Party sessions: days the session lives past its last renewal (null: fixed, staff). */
  sliding_days: number | null;
  renewed_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  scope: string;
  created_at: string;
}

/** Requests counted against a limit shared by every app process (e.g. 'intake-ip:<ip>'). */
export interface RateLimitEventsTable {
  id: string;
  scope: string;
  created_at: string;
}

export interface MediatorProfilesTable {
  id: string;
  org_id: string;
  user_id: string | null;
  display_name: string;
  kind: string;
  nationality: string;
  languages_json: Generated<string>;
  expertise_json: Generated<string>;
  case_limit: Generated<number>;
  last_assigned_at: string | null;
  email: string | null;
  phone_enc: string | null;
  bio_json: Generated<string>;
  time_zone: Generated<string>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MediatorLanguagesTable {
  org_id: string;
  mediator_id: string;
  language: string;
  family: string | null;
  proficiency: string;
}

export interface CaseReferenceCountersTable {
  org_id: string;
  year: number;
  last_seq: number;
}

export interface CasesTable {
  id: string;
  org_id: string;
  reference: string;
  status: string;
  source: string;
  referring_court_id: string | null;
  category: string;
  national_category: string;
  is_maritime: Generated<number>;
  summary: string;
  description: string;
  claimed_amount_minor: NullableInt8;
  claimed_currency: string | null;
  has_foreign_party: Generated<number>;
  search_text: Generated<string>;
  submitted_at: string;
  decided_at: string | null;
  accepted_at: string | null;
  decision_reason: string | null;
  mediation_due_at: string | null;
  concluded_at: string | null;
  outcome: string | null;
  outcome_reason: string | null;
  agreed_at: string | null;
  agreed_amount_minor: NullableInt8;
  agreed_currency: string | null;
  agreed_amount_cny_minor: NullableInt8;
  recovered_cny_minor: Generated<number>;
  closed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CasePartiesTable {
  id: string;
  org_id: string;
  case_id: string;
  role: string;
  kind: string;
  name: string;
  country: string;
  languages_json: string;
  preferred_language: string;
  email: string | null;
  email_bounced_at: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  id_document_type: string | null;
  id_document_enc: string | null;
  id_document_masked: string | null;
  address: string | null;
  agent_name: string | null;
  user_id: string | null;
  is_foreign: Generated<number>;
  created_at: string;
}

export interface CaseLanguagesTable {
  org_id: string;
  case_id: string;
  language: string;
}

export interface ConsentsTable {
  id: string;
  org_id: string;
  case_id: string;
  party_id: string | null;
  kind: string;
  text_version: string;
  given_at: string;
}

export interface CaseTeamMembersTable {
  id: string;
  org_id: string;
  case_id: string;
  mediator_id: string;
  role: string;
  assigned_at: string;
  assigned_by: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}

export interface TeamObjectionsTable {
  id: string;
  org_id: string;
  case_id: string;
  party_id: string;
  mediator_id: string;
  reason: string;
  created_at: string;
  resolved_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  org_id: string;
  seq: number;
  case_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary_json: string;
  created_at: string;
  prev_hash: string;
  hash: string;
}

export interface MediationSessionsTable {
  id: string;
  org_id: string;
  case_id: string;
  starts_at: string;
  time_zone: string;
  duration_minutes: number;
  mode: string;
  room: string | null;
  meeting_url: string | null;
  status: string;
  participants_json: Generated<string>;
  record_json: string | null;
  interpreter_present: number | null;
  held_at: string | null;
  /** 0 until recorded; each correction of the record adds one (session_record_revisions). */
  record_version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  id: string;
  org_id: string;
  case_id: string | null;
  kind: string;
  filename: string;
  media_type: string;
  size_bytes: Int8;
  sha256: string;
  storage_key: string;
  visibility: string;
  uploaded_by: string | null;
  message_id: string | null;
  /** A private caucus channel the file belongs to (caucus_applicant | caucus_respondent), or null. */
  channel: ColumnType<string | null, string | null | undefined, string | null>;
  immutable: Generated<number>;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  org_id: string;
  case_id: string;
  author_user_id: string | null;
  author_label: string;
  visibility: string;
  language: string;
  body: string;
  translations_json: Generated<string>;
  created_at: string;
}

/** How far a user has read one channel of a case thread (per user, per channel). */
export interface MessageReadPositionsTable {
  org_id: string;
  case_id: string;
  user_id: string;
  channel: string;
  last_read_at: string;
  last_read_message_id: string;
  updated_at: string;
}

export interface AgreementsTable {
  id: string;
  org_id: string;
  case_id: string;
  version: number;
  supersedes_id: string | null;
  status: string;
  oral: Generated<number>;
  content_json: string;
  text_hash: string | null;
  amount_minor: NullableInt8;
  currency: string | null;
  amount_cny_minor: NullableInt8;
  fx_rate: string | null;
  prevailing_language: Generated<string>;
  sealed_by: string | null;
  sealed_at: string | null;
  effective_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Who made one translation of one section or point of an agreement version, and how. */
export interface AgreementTranslationsTable {
  id: string;
  org_id: string;
  agreement_id: string;
  /** facts | disputedMatters | responsibilities | performanceMethod | points.N */
  section: string;
  language: string;
  /** human | machine; a machine translation counts only once a named person approved it. */
  method: string;
  translator_user_id: string | null;
  translator_name: string;
  created_at: string;
  approved_by: string | null;
  approved_name: string | null;
  approved_at: string | null;
}

/** An interpreter's attested oral (sight) translation of a text for one party. */
export interface SightTranslationsTable {
  id: string;
  org_id: string;
  case_id: string;
  subject_kind: string;
  subject_id: string;
  subject_version: number;
  party_id: string;
  language: string;
  interpreter_kind: string;
  interpreter_mediator_id: string | null;
  interpreter_user_id: string | null;
  interpreter_name: string;
  recorded_by: string;
  interpreted_at: string;
  /** The interpreter's own confirmation in Accord; an attestation counts only once confirmed. */
  confirmed_at: string | null;
  created_at: string;
}

export interface TranslationAssignmentsTable {
  org_id: string;
  case_id: string;
  language: string;
  assignee_user_id: string;
  assigned_by: string;
  assigned_at: string;
}

export interface SessionRecordRevisionsTable {
  id: string;
  org_id: string;
  session_id: string;
  record_version: number;
  record_json: string;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AgreementConfirmationsTable {
  id: string;
  org_id: string;
  agreement_id: string;
  party_id: string;
  point_no: number;
  confirmed_at: string;
  confirmed_by: string | null;
}

export interface AgreementSignaturesTable {
  id: string;
  org_id: string;
  agreement_id: string;
  signer_kind: string;
  party_id: string | null;
  mediator_id: string | null;
  user_id: string | null;
  signer_name: string;
  method: Generated<string>;
  signed_at: string;
  ip: string | null;
  text_hash: string;
}

export interface InstalmentsTable {
  id: string;
  org_id: string;
  case_id: string;
  agreement_id: string;
  seq: number;
  due_on: string;
  amount_minor: Int8;
  currency: string;
  paid_minor: Generated<number>;
  status: string;
}

export interface PaymentsTable {
  id: string;
  org_id: string;
  case_id: string;
  instalment_id: string | null;
  amount_minor: Int8;
  currency: string;
  amount_cny_minor: Int8;
  fx_rate: string;
  paid_on: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** A payment a party reports, with its bank slip; counted only once an officer verifies it. */
export interface PaymentReportsTable {
  id: string;
  org_id: string;
  case_id: string;
  party_id: string;
  reported_by: string;
  amount_minor: Int8;
  currency: string;
  paid_on: string;
  instalment_id: string | null;
  note: string | null;
  document_id: string;
  /** reported | verified | disputed */
  status: string;
  reported_at: string;
  decided_by: string | null;
  decided_at: string | null;
  dispute_reason: string | null;
  payment_id: string | null;
}

export interface FollowUpsTable {
  id: string;
  org_id: string;
  case_id: string;
  due_on: string;
  done_at: string | null;
  method: string | null;
  notes: string | null;
  satisfaction: number | null;
  recorded_by: string | null;
}

export interface CourtFilingsTable {
  id: string;
  org_id: string;
  case_id: string;
  court_id: string;
  kind: string;
  status: string;
  agreement_id: string | null;
  reason: string | null;
  package_json: Generated<string>;
  filed_at: string;
  filed_by: string | null;
  accepted_at: string | null;
  court_case_number: string | null;
  result: string | null;
  result_at: string | null;
  result_notes: string | null;
}

export interface PoliceReferralsTable {
  id: string;
  org_id: string;
  case_id: string;
  reason: string;
  referred_at: string;
  referred_by: string | null;
}

export interface PartyInvitesTable {
  id: string;
  org_id: string;
  case_id: string;
  party_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One-time sign-in links e-mailed on request (POST /auth/sign-in-links); only the hash is kept. */
export interface SignInLinksTable {
  id: string;
  user_id: string;
  token_hash: string;
  next_path: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface WebauthnCredentialsTable {
  /** The credential id, base64url. */
  id: string;
  user_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: Int8;
  transports_json: Generated<string>;
  device_type: string;
  backed_up: Generated<number>;
  created_at: string;
  last_used_at: string | null;
  /** The name the party gave it; null: described by its kind (synced, this device, key). */
  name: string | null;
}

export interface WebauthnChallengesTable {
  id: string;
  challenge: string;
  /** 'register' | 'authenticate' */
  purpose: string;
  user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface FxRatesTable {
  currency: string;
  on_date: string;
  cny_per_unit: string;
  source: string;
}

export interface OutboxTable {
  id: string;
  org_id: string;
  kind: string;
  idempotency_key: string;
  payload_json: string;
  status: string;
  attempts: Generated<number>;
  run_after: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  case_id: string | null;
  kind: string;
  params_json: Generated<string>;
  created_at: string;
  read_at: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  courts: CourtsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  auth_sessions: AuthSessionsTable;
  login_failures: LoginFailuresTable;
  rate_limit_events: RateLimitEventsTable;
  mediator_profiles: MediatorProfilesTable;
  mediator_languages: MediatorLanguagesTable;
  case_reference_counters: CaseReferenceCountersTable;
  cases: CasesTable;
  case_parties: CasePartiesTable;
  case_languages: CaseLanguagesTable;
  consents: ConsentsTable;
  case_team_members: CaseTeamMembersTable;
  team_objections: TeamObjectionsTable;
  audit_events: AuditEventsTable;
  mediation_sessions: MediationSessionsTable;
  documents: DocumentsTable;
  messages: MessagesTable;
  message_read_positions: MessageReadPositionsTable;
  agreements: AgreementsTable;
  agreement_confirmations: AgreementConfirmationsTable;
  agreement_signatures: AgreementSignaturesTable;
  instalments: InstalmentsTable;
  payments: PaymentsTable;
  payment_reports: PaymentReportsTable;
  follow_ups: FollowUpsTable;
  court_filings: CourtFilingsTable;
  police_referrals: PoliceReferralsTable;
  party_invites: PartyInvitesTable;
  sign_in_links: SignInLinksTable;
  webauthn_credentials: WebauthnCredentialsTable;
  webauthn_challenges: WebauthnChallengesTable;
  fx_rates: FxRatesTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  mediator_weekly_availability: MediatorWeeklyAvailabilityTable;
  mediator_availability_exceptions: MediatorAvailabilityExceptionsTable;
  duty_rota: DutyRotaTable;
  mediator_relationships: MediatorRelationshipsTable;
  mediator_admission_checks: MediatorAdmissionChecksTable;
  case_rejection_appeals: CaseRejectionAppealsTable;
  case_deadline_extensions: CaseDeadlineExtensionsTable;
  session_record_confirmations: SessionRecordConfirmationsTable;
  session_record_revisions: SessionRecordRevisionsTable;
  agreement_translations: AgreementTranslationsTable;
  sight_translations: SightTranslationsTable;
  translation_assignments: TranslationAssignmentsTable;
  outbox_deliveries: OutboxDeliveriesTable;
  calendar_feeds: CalendarFeedsTable;
  stats_daily: StatsDailyTable;
  stats_monthly: StatsMonthlyTable;
  stats_durations: StatsDurationsTable;
  stats_durations_monthly: StatsDurationsMonthlyTable;
  stats_status: StatsStatusTable;
  stats_due: StatsDueTable;
}

export interface OutboxDeliveriesTable {
  id: string;
  org_id: string;
  outbox_id: string;
  recipient_key: string;
  message_id: string;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedsTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CaseRejectionAppealsTable {
  id: string;
  org_id: string;
  case_id: string;
  party_id: string | null;
  reason: string;
  created_at: string;
  decision: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface CaseDeadlineExtensionsTable {
  id: string;
  org_id: string;
  case_id: string;
  seq: number;
  previous_due_at: string;
  new_due_at: string;
  reason: string;
  extended_by: string | null;
  created_at: string;
}

export interface SessionRecordConfirmationsTable {
  id: string;
  org_id: string;
  session_id: string;
  /** The record version confirmed: a correction (a new version) voids earlier confirmations. */
  record_version: number;
  attendee_kind: string;
  attendee_id: string;
  user_id: string | null;
  confirmed_at: string;
}

/** Statistics roll-ups, kept by database triggers (migration 2026-11-28T1500_statistics). */
interface StatsFigureColumns {
  category: string;
  national_category: string;
  source: string;
  accepted: Generated<number>;
  concluded: Generated<number>;
  succeeded: Generated<number>;
  agreed_cny_minor: ColumnType<number, number | bigint | undefined, number | bigint>;
  recovered_cny_minor: ColumnType<number, number | bigint | undefined, number | bigint>;
}
export interface StatsDailyTable extends StatsFigureColumns {
  org_id: string;
  day: string;
}
export interface StatsMonthlyTable extends StatsFigureColumns {
  month: string;
}
export interface StatsDurationsTable {
  org_id: string;
  day: string;
  days: number;
  n: number;
}
export interface StatsDurationsMonthlyTable {
  month: string;
  days: number;
  n: number;
}
export interface StatsStatusTable {
  org_id: string;
  status: string;
  n: number;
}
export interface StatsDueTable {
  org_id: string;
  day: string;
  n: number;
}

export interface MediatorWeeklyAvailabilityTable {
  id: string;
  org_id: string;
  mediator_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface MediatorAvailabilityExceptionsTable {
  id: string;
  org_id: string;
  mediator_id: string;
  kind: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: string;
}

export interface DutyRotaTable {
  id: string;
  org_id: string;
  on_date: string;
  mediator_id: string;
  created_at: string;
}

export interface MediatorRelationshipsTable {
  id: string;
  org_id: string;
  mediator_id: string;
  kind: string;
  name: string;
  name_key: string;
  relation: string;
  created_at: string;
}

export interface MediatorAdmissionChecksTable {
  id: string;
  org_id: string;
  mediator_id: string;
  item: string;
  status: string;
  note: string | null;
  document_ids_json: Generated<string>;
  checked_by: string | null;
  checked_at: string;
}
