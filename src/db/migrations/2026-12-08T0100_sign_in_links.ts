// Frozen migration: never edit after it has shipped. It must not import application code.
// Sign-in by e-mailed link (issue #16): one-time links kept only as a hash, and party sessions
// that slide (renewed with use) instead of ending after the staff TTL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // A same-origin path the link opens after signing in (validated before it is stored).
    .addColumn('next_path', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('sign_in_links_user_idx')
    .on('sign_in_links')
    .column('user_id')
    .execute();

  // Days a session lives past its last renewal; null: a fixed lifetime (staff).
  await db.schema.alterTable('auth_sessions').addColumn('sliding_days', 'integer').execute();
  await db.schema.alterTable('auth_sessions').addColumn('renewed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('auth_sessions').dropColumn('renewed_at').execute();
  await db.schema.alterTable('auth_sessions').dropColumn('sliding_days').execute();
  await db.schema.dropTable('sign_in_links').execute();
}
