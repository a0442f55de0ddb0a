// Frozen migration: never edit after it has shipped. It must not import application code.
// Language as the spine of the record (nobody confirms or signs what they cannot read):
// - agreement_translations: who made each translation of each section or point of an agreement
//   version, and how (the text itself stays in agreements.content_json, which the hash binds);
// - sight_translations: an interpreter's attested oral translation of a text for one party;
// - translation_assignments: who on the team owes the translation into a language;
// - session_record_revisions: every version of a session record (笔录), with the reason for a
//   correction; confirmations now name the version they confirm, so a correction voids them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreement_translations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('section', 'text', (c) => c.notNull()) // facts | points.3 | …
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull()) // human | machine
    .addColumn('translator_user_id', 'text')
    .addColumn('translator_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_name', 'text')
    .addColumn('approved_at', 'text')
    .addUniqueConstraint('agreement_translations_uq', ['agreement_id', 'section', 'language'])
    .execute();

  await db.schema
    .createTable('sight_translations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull()) // agreement | session_record
    .addColumn('subject_id', 'text', (c) => c.notNull()) // agreement id | session id
    .addColumn('subject_version', 'integer', (c) => c.notNull()) // agreement version | record version
    .addColumn('party_id', 'text', (c) => c.notNull().references('case_parties.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('interpreter_kind', 'text', (c) => c.notNull()) // roster | team | outside
    .addColumn('interpreter_mediator_id', 'text')
    .addColumn('interpreter_user_id', 'text')
    .addColumn('interpreter_name', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('interpreted_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sight_translations_subject_idx')
    .on('sight_translations')
    .columns(['subject_kind', 'subject_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('translation_assignments')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translation_assignments_pk', ['case_id', 'language'])
    .execute();

  await db.schema
    .createTable('session_record_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('record_version', 'integer', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_record_revisions_uq', ['session_id', 'record_version'])
    .execute();
  await db.schema
    .alterTable('mediation_sessions')
    .addColumn('record_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update mediation_sessions set record_version = 1 where record_json is not null`.execute(
    db,
  );
  await sql`insert into session_record_revisions
      (id, org_id, session_id, record_version, record_json, reason, created_by, created_at)
    select id, org_id, id, 1, record_json, null, created_by, coalesce(held_at, updated_at)
    from mediation_sessions where record_json is not null`.execute(db);

  // The old table's unique key (session, attendee) cannot hold a confirmation per version.
  await db.schema
    .createTable('session_record_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('record_version', 'integer', (c) => c.notNull())
    .addColumn('attendee_kind', 'text', (c) => c.notNull()) // party | mediator
    .addColumn('attendee_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_record_confirmations_uq', [
      'session_id',
      'record_version',
      'attendee_kind',
      'attendee_id',
    ])
    .execute();
  await sql`insert into session_record_confirmations
      (id, org_id, session_id, record_version, attendee_kind, attendee_id, user_id, confirmed_at)
    select id, org_id, session_id, 1, attendee_kind, attendee_id, user_id, confirmed_at
    from session_confirmations`.execute(db);
  await db.schema.dropTable('session_confirmations').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('attendee_kind', 'text', (c) => c.notNull())
    .addColumn('attendee_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_confirmations_uq', ['session_id', 'attendee_kind', 'attendee_id'])
    .execute();
  await sql`insert into session_confirmations
      (id, org_id, session_id, attendee_kind, attendee_id, user_id, confirmed_at)
    select min(id), min(org_id), session_id, attendee_kind, attendee_id, min(user_id), min(confirmed_at)
    from session_record_confirmations group by session_id, attendee_kind, attendee_id`.execute(db);
  await db.schema.dropTable('session_record_confirmations').execute();
  await db.schema.alterTable('mediation_sessions').dropColumn('record_version').execute();
  await db.schema.dropTable('session_record_revisions').execute();
  await db.schema.dropTable('translation_assignments').execute();
  await db.schema.dropTable('sight_translations').execute();
  await db.schema.dropTable('agreement_translations').execute();
}
