// Frozen migration: never edit after it has shipped. It must not import application code.
// Payments a party reports (issue #16): the party's word that it paid, with a bank slip stored
// as evidence. It is not a payment until an officer verifies it (then `payment_id` names the
// recorded payment) and it never counts towards what is owed or recovered before that; a
// disputed report keeps the officer's reason, which the party is told.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payment_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('case_parties.id'))
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('instalment_id', 'text', (c) => c.references('instalments.id'))
    .addColumn('note', 'text')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // reported | verified | disputed
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('dispute_reason', 'text')
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .execute();
  await db.schema
    .createIndex('payment_reports_case_idx')
    .on('payment_reports')
    .columns(['case_id', 'reported_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payment_reports').execute();
}
