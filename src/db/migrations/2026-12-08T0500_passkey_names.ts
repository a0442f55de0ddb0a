// Frozen migration: never edit after it has shipped. It must not import application code.
// Passkeys a party manages (issue #16 follow-up): the name the party gives a passkey, so that
// "my phone" and "the office key" can be told apart in the list before one is removed.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Null: no name given; the list then describes the passkey by its kind.
  await db.schema.alterTable('webauthn_credentials').addColumn('name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webauthn_credentials').dropColumn('name').execute();
}
