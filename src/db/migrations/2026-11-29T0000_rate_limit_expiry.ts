// Frozen migration: never edit after it has shipped. It must not import application code.
// Every application deletes the intake events that have left the rate-limit window
// (`created_at <= window start`, all scopes). The only index led with `scope`, so that delete
// read the whole table, one window of traffic, on each application.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('rate_limit_events_created_idx')
    .on('rate_limit_events')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rate_limit_events_created_idx').execute();
}
