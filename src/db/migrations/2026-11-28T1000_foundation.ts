// Frozen migration: never edit after it has shipped. It must not import application code,
// so that it means the same thing forever. Types are chosen to behave identically on
// SQLite and PostgreSQL: ids and instants are text (ISO 8601 UTC, which sorts correctly),
// money is bigint minor units, flags are integer 0/1, structured values are JSON text.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('reference_prefix', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('region_code', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('courts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // basic | intermediate | maritime
    .addColumn('is_docking_centre', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_seat_court', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('courts_org_idx').on('courts').column('org_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('email_preferences_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('totp_secret_enc', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull()) // director | officer | mediator | court_liaison
    .addColumn('court_id', 'text', (c) => c.references('courts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_org_user_role_uq', ['org_id', 'user_id', 'role'])
    .execute();
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('auth_sessions_user_idx')
    .on('auth_sessions')
    .column('user_id')
    .execute();

  // Failed sign-ins, kept in the database so that limits hold across app processes.
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull()) // 'account:<email-hash>' | 'ip:<ip>'
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failures_scope_idx')
    .on('login_failures')
    .columns(['scope', 'created_at'])
    .execute();

  await db.schema
    .createTable('mediator_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // foreign | lawyer | notary | market_operator | interpreter
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('expertise_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('case_limit', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('open_cases', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_assigned_at', 'text')
    .addColumn('email', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('bio_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediator_profiles_org_idx')
    .on('mediator_profiles')
    .columns(['org_id', 'kind', 'active'])
    .execute();
  await db.schema
    .createIndex('mediator_profiles_user_idx')
    .on('mediator_profiles')
    .column('user_id')
    .execute();

  // One row per (mediator, language): the index that matching reads instead of scanning the roster.
  await db.schema
    .createTable('mediator_languages')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('family', 'text')
    .addColumn('proficiency', 'text', (c) => c.notNull()) // native | fluent | working
    .addPrimaryKeyConstraint('mediator_languages_pk', ['mediator_id', 'language'])
    .execute();
  await db.schema
    .createIndex('mediator_languages_lookup_idx')
    .on('mediator_languages')
    .columns(['org_id', 'language'])
    .execute();
  await db.schema
    .createIndex('mediator_languages_family_idx')
    .on('mediator_languages')
    .columns(['org_id', 'family'])
    .execute();

  // Per (org, year) counter behind the committee's case references, e.g. "(2026) 义外调 No. 0042".
  await db.schema
    .createTable('case_reference_counters')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reference_counters_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // application | own_initiative | court_referral | police_referral | government_referral
    .addColumn('referring_court_id', 'text', (c) => c.references('courts.id'))
    .addColumn('category', 'text', (c) => c.notNull()) // commercial subcategory or national category code
    .addColumn('national_category', 'text', (c) => c.notNull())
    .addColumn('is_maritime', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('claimed_amount_minor', 'bigint')
    .addColumn('claimed_currency', 'text')
    .addColumn('has_foreign_party', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('mediation_due_at', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('outcome', 'text') // agreed | failed | withdrawn | rejected
    .addColumn('outcome_reason', 'text')
    .addColumn('agreed_at', 'text')
    .addColumn('agreed_amount_minor', 'bigint')
    .addColumn('agreed_currency', 'text')
    .addColumn('agreed_amount_cny_minor', 'bigint')
    .addColumn('recovered_cny_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_org_reference_uq', ['org_id', 'reference'])
    .execute();
  await db.schema
    .createIndex('cases_org_status_idx')
    .on('cases')
    .columns(['org_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('cases_org_submitted_idx')
    .on('cases')
    .columns(['org_id', 'submitted_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_org_accepted_idx')
    .on('cases')
    .columns(['org_id', 'accepted_at'])
    .execute();
  await db.schema
    .createIndex('cases_org_concluded_idx')
    .on('cases')
    .columns(['org_id', 'concluded_at'])
    .execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('role', 'text', (c) => c.notNull()) // applicant | respondent
    .addColumn('kind', 'text', (c) => c.notNull()) // person | organization
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('languages_json', 'text', (c) => c.notNull())
    .addColumn('preferred_language', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_bounced_at', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('id_document_type', 'text')
    .addColumn('id_document_enc', 'text')
    .addColumn('id_document_masked', 'text')
    .addColumn('address', 'text')
    .addColumn('agent_name', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('is_foreign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_parties_case_idx')
    .on('case_parties')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('case_parties_user_idx')
    .on('case_parties')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('case_parties_org_email_idx')
    .on('case_parties')
    .columns(['org_id', 'email'])
    .execute();

  // Denormalised (case, language) and (case, country) pairs for list filters, kept by the repository.
  await db.schema
    .createTable('case_languages')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_languages_pk', ['case_id', 'language'])
    .execute();
  await db.schema
    .createIndex('case_languages_lookup_idx')
    .on('case_languages')
    .columns(['org_id', 'language', 'case_id'])
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'text', (c) => c.references('case_parties.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // processing | cross_border | extension | ...
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consents_case_idx').on('consents').column('case_id').execute();

  await db.schema
    .createTable('case_team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | lawyer | third | interpreter
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_reason', 'text')
    .execute();
  await db.schema
    .createIndex('case_team_case_idx')
    .on('case_team_members')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('case_team_mediator_idx')
    .on('case_team_members')
    .columns(['mediator_id', 'removed_at'])
    .execute();

  await db.schema
    .createTable('team_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('case_parties.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('team_objections_case_idx')
    .on('team_objections')
    .column('case_id')
    .execute();

  // The audit trail: hash-chained per organisation (seq, prev_hash, hash).
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_events_org_seq_uq', ['org_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_events_case_idx')
    .on('audit_events')
    .columns(['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull()) // in_person | online
    .addColumn('room', 'text')
    .addColumn('meeting_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // scheduled | held | cancelled
    .addColumn('participants_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('record_json', 'text')
    .addColumn('interpreter_present', 'integer')
    .addColumn('held_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediation_sessions_case_idx')
    .on('mediation_sessions')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('mediation_sessions_org_start_idx')
    .on('mediation_sessions')
    .columns(['org_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // evidence | agreement | certificate | ...
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull()) // all | team | committee
    .addColumn('uploaded_by', 'text')
    .addColumn('message_id', 'text')
    .addColumn('immutable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();
  await db.schema.createIndex('documents_sha_idx').on('documents').column('sha256').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('author_user_id', 'text')
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull()) // everyone | team
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('translations_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_case_idx')
    .on('messages')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('supersedes_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // proposal | draft | final | in_effect | superseded
    .addColumn('oral', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text')
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('amount_cny_minor', 'bigint')
    .addColumn('fx_rate', 'text')
    .addColumn('prevailing_language', 'text', (c) => c.notNull().defaultTo('zh'))
    .addColumn('sealed_by', 'text')
    .addColumn('sealed_at', 'text')
    .addColumn('effective_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agreements_case_version_uq', ['case_id', 'version'])
    .execute();
  await db.schema
    .createIndex('agreements_text_hash_idx')
    .on('agreements')
    .column('text_hash')
    .execute();

  await db.schema
    .createTable('agreement_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('case_parties.id'))
    .addColumn('point_no', 'integer', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addUniqueConstraint('agreement_confirmations_uq', ['agreement_id', 'party_id', 'point_no'])
    .execute();

  await db.schema
    .createTable('agreement_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('signer_kind', 'text', (c) => c.notNull()) // party | mediator
    .addColumn('party_id', 'text')
    .addColumn('mediator_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('electronic')) // electronic | seal | fingerprint | handwritten
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_signatures_agreement_idx')
    .on('agreement_signatures')
    .column('agreement_id')
    .execute();

  await db.schema
    .createTable('instalments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull()) // due | paid | missed
    .execute();
  await db.schema.createIndex('instalments_case_idx').on('instalments').column('case_id').execute();
  await db.schema
    .createIndex('instalments_due_idx')
    .on('instalments')
    .columns(['status', 'due_on'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('instalment_id', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_cny_minor', 'bigint', (c) => c.notNull())
    .addColumn('fx_rate', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_case_idx').on('payments').column('case_id').execute();
  await db.schema
    .createIndex('payments_org_paid_idx')
    .on('payments')
    .columns(['org_id', 'paid_on'])
    .execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('method', 'text')
    .addColumn('notes', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('follow_ups_case_idx').on('follow_ups').column('case_id').execute();

  await db.schema
    .createTable('court_filings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('court_id', 'text', (c) => c.notNull().references('courts.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // confirmation | litigation
    .addColumn('status', 'text', (c) => c.notNull()) // filed | accepted | confirmed | rejected | decided
    .addColumn('agreement_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('package_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('court_case_number', 'text')
    .addColumn('result', 'text')
    .addColumn('result_at', 'text')
    .addColumn('result_notes', 'text')
    .execute();
  await db.schema
    .createIndex('court_filings_case_idx')
    .on('court_filings')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('court_filings_court_idx')
    .on('court_filings')
    .columns(['court_id', 'status'])
    .execute();

  await db.schema
    .createTable('police_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('referred_at', 'text', (c) => c.notNull())
    .addColumn('referred_by', 'text')
    .execute();

  await db.schema
    .createTable('party_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('case_parties.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // Reference data shared by every organisation: CNY per one unit of `currency` on `on_date`.
  await db.schema
    .createTable('fx_rates')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('cny_per_unit', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fx_rates_pk', ['currency', 'on_date'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | sending | done | dead
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['status', 'run_after'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('case_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  // Sanity marker that both engines accept the same DDL; no data.
  await sql`select 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'notifications',
    'outbox',
    'fx_rates',
    'party_invites',
    'police_referrals',
    'court_filings',
    'follow_ups',
    'payments',
    'instalments',
    'agreement_signatures',
    'agreement_confirmations',
    'agreements',
    'messages',
    'documents',
    'mediation_sessions',
    'audit_events',
    'team_objections',
    'case_team_members',
    'consents',
    'case_languages',
    'case_parties',
    'cases',
    'case_reference_counters',
    'mediator_languages',
    'mediator_profiles',
    'login_failures',
    'auth_sessions',
    'memberships',
    'users',
    'courts',
    'organizations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
