// Frozen migration: never edit after it has shipped. It must not import application code.
// Two-factor sign-in: a TOTP secret (users.totp_secret_enc, from the foundation) counts only
// once the user confirmed a code from it; the last accepted time step blocks replaying a code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_confirmed_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('users').dropColumn('totp_confirmed_at').execute();
}
