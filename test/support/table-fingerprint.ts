import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { testEngine } from './test-database.js';

/**
 * A cheap fingerprint of every table's rows, taken before and after each fuzzed request:
 * one statement over every table, row count plus a digest of every value. Equal fingerprints
 * mean no row was added, removed or changed.
 */
export async function openTableFingerprint(
  db: Kysely<Database>,
  opts: { exclude?: readonly string[] } = {},
) {
  const tables = (await db.introspection.getTables())
    .filter((t) => !t.name.startsWith('kysely_') && !opts.exclude?.includes(t.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  // One statement for all tables: PostgreSQL sums a hash of each row's text (order-free);
  // SQLite concatenates every quoted value, hashed here.
  const perTable = tables.map((t) =>
    testEngine === 'postgres'
      ? sql`select ${t.name}::text as t, count(*)::text as n, coalesce(sum(hashtextextended(x::text, 0)::numeric), 0)::text as h from ${sql.table(t.name)} x`
      : sql`select ${t.name} as t, count(*) as n, coalesce(group_concat(${sql.raw(
          t.columns.map((c) => `quote("${c.name}")`).join(" || ',' || "),
        )}, char(10)), '') as h from ${sql.table(t.name)}`,
  );
  const query = sql<{
    t: string;
    n: string | number;
    h: string;
  }>`${sql.join(perTable, sql` union all `)}`;
  return {
    tables: tables.map((t) => t.name),
    async take(): Promise<Record<string, string>> {
      const { rows } = await query.execute(db);
      return Object.fromEntries(
        rows.map((r) => [r.t, `${r.n}:${createHash('sha1').update(String(r.h)).digest('hex')}`]),
      );
    },
  };
}

/** The tables whose fingerprint differs between two takes. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
}
