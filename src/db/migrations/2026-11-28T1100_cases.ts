// Frozen migration: never edit after it has shipped; it must not import application code.
// Case lifecycle tables that the foundation schema left out: rejection appeals, deadline
// extensions, per-attendee confirmation of session records, and list/search indexes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One appeal per case: the unique case_id is what makes "once" hold under concurrency.
  await db.schema
    .createTable('case_rejection_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('party_id', 'text', (c) => c.references('case_parties.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text') // overturned | upheld
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();

  await db.schema
    .createTable('case_deadline_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('previous_due_at', 'text', (c) => c.notNull())
    .addColumn('new_due_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('extended_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_deadline_extensions_uq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('session_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('attendee_kind', 'text', (c) => c.notNull()) // party | mediator
    .addColumn('attendee_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_confirmations_uq', ['session_id', 'attendee_kind', 'attendee_id'])
    .execute();

  await db.schema
    .createIndex('case_parties_org_country_idx')
    .on('case_parties')
    .columns(['org_id', 'country', 'case_id'])
    .execute();
  await db.schema
    .createIndex('cases_org_due_idx')
    .on('cases')
    .columns(['org_id', 'mediation_due_at'])
    .execute();
  await db.schema
    .createIndex('consents_case_kind_idx')
    .on('consents')
    .columns(['case_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('consents_case_kind_idx').execute();
  await db.schema.dropIndex('cases_org_due_idx').execute();
  await db.schema.dropIndex('case_parties_org_country_idx').execute();
  await db.schema.dropTable('session_confirmations').execute();
  await db.schema.dropTable('case_deadline_extensions').execute();
  await db.schema.dropTable('case_rejection_appeals').execute();
}
