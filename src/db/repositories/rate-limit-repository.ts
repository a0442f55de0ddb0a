import type { Insertable, Kysely } from 'kysely';
import type { Database, RateLimitEventsTable } from '../schema.js';

/** How many events the scope has since `since`, and when the oldest of them happened. */
export async function countRateLimitEventsSince(
  db: Kysely<Database>,
  scope: string,
  since: string,
): Promise<{ count: number; oldestAt: string | null }> {
  const r = await db
    .selectFrom('rate_limit_events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('scope', '=', scope)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), oldestAt: (r.oldest as string | null) ?? null };
}

/**
 * Drops every scope's events that have left the window: the table only ever holds one window
 * of traffic, so this scan stays small.
 */
export async function dropRateLimitEventsBefore(
  db: Kysely<Database>,
  windowStart: string,
): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('created_at', '<=', windowStart).execute();
}

export type RateLimitEventRow = Insertable<RateLimitEventsTable>;

/** Records one event (in the transaction of what it counts, where there is one). */
export async function recordRateLimitEvent(
  db: Kysely<Database>,
  row: RateLimitEventRow,
): Promise<void> {
  await db.insertInto('rate_limit_events').values(row).execute();
}
