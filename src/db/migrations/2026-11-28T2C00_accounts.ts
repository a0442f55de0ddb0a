// Frozen migration: never edit after it has shipped. It must not import application code.
// Staff two-factor requirement per organisation, sessions restricted to TOTP enrolment, and a
// shared per-IP counter for anonymous intake that holds across app processes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // On by default: a new committee's directors and officers must enrol an authenticator.
  await db.schema
    .alterTable('organizations')
    .addColumn('require_staff_totp', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The demo committee signs in with e-mail and password alone (README, browser tests, benches).
  await sql`update organizations set require_staff_totp = 0 where is_demo = 1`.execute(db);

  // 'totp_enrollment': the session may only reach enrolment, /me and sign-out.
  await db.schema.alterTable('auth_sessions').addColumn('restriction', 'text').execute();

  await db.schema
    .createTable('rate_limit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull()) // 'intake-ip:<ip>'
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_events_scope_idx')
    .on('rate_limit_events')
    .columns(['scope', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_events').execute();
  await db.schema.alterTable('auth_sessions').dropColumn('restriction').execute();
  await db.schema.alterTable('organizations').dropColumn('require_staff_totp').execute();
}
