import { PostgresAdapter, type Kysely } from 'kysely';

/** Where the two engines differ (row locks, full-text search, job claiming), ask this. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
