// Frozen migration: never edit after it has shipped; never import application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per (outbox row, recipient): written before the SMTP send ('sending') and after it
  // ('sent' or 'bounced'), so a retried outbox row skips recipients already served.
  await db.schema
    .createTable('outbox_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull().references('outbox.id'))
    .addColumn('recipient_key', 'text', (c) => c.notNull()) // 'email:<address>'
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // sending | sent | bounced | skipped
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outbox_deliveries_uq', ['outbox_id', 'recipient_key'])
    .execute();

  // Personal calendar feeds: the token is a bearer secret in a URL, so only its hash is kept.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('calendar_feeds_user_idx')
    .on('calendar_feeds')
    .column('user_id')
    .execute();

  await db.schema
    .createIndex('outbox_org_status_idx')
    .on('outbox')
    .columns(['org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('notifications_user_read_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notifications_user_read_idx').execute();
  await db.schema.dropIndex('outbox_org_status_idx').execute();
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('outbox_deliveries').execute();
}
