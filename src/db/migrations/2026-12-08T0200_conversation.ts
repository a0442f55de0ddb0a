// Frozen migration: never edit after it has shipped. It must not import application code.
// The conversation of a case (issue #16):
// - message_read_positions: how far each user has read each channel of a case thread, so that
//   unread counts are per user and per channel and survive a change of device;
// - documents.channel: a file shared in a private caucus (caucus_applicant | caucus_respondent)
//   is readable by that side and the team only, from its upload on, not just once attached.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_read_positions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // everyone | team | caucus_applicant | caucus_respondent
    .addColumn('last_read_at', 'text', (c) => c.notNull()) // created_at of the last message read
    .addColumn('last_read_message_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_read_positions_pk', ['case_id', 'user_id', 'channel'])
    .execute();
  await db.schema.alterTable('documents').addColumn('channel', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('channel').execute();
  await db.schema.dropTable('message_read_positions').execute();
}
