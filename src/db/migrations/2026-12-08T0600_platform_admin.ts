// Frozen migration: never edit after it has shipped. It must not import application code.
// Committees onboarded without SQL (issue #17 item 7): a platform administrator, who belongs to
// no committee and creates committees, and the names a committee gives itself in any locale.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A flag rather than a membership: the administrator is staff of no organisation, so every
  // committee-level rule (memberships) keeps refusing them with 404.
  await db.schema
    .alterTable('users')
    .addColumn('platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // {locale: name} beyond name (Chinese) and name_en, for the other six locales.
  await db.schema
    .alterTable('organizations')
    .addColumn('names_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('names_json').execute();
  await db.schema.alterTable('users').dropColumn('platform_admin').execute();
}
