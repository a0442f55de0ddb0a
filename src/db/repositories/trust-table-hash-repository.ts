import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { canonicalJson } from '../../domain/hash-audit-event.js';

/**
 * A content hash per table: SHA-256 over the canonical JSON of every row, ordered by every
 * column. Two databases with equal hashes hold the same data, whatever their physical layout;
 * backups, restores and migrations are checked with it.
 */
export async function hashTableContents(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, string> = {};
  for (const t of tables.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const cols = t.columns.map((c) => c.name).sort();
    const hash = createHash('sha256');
    let offset = 0;
    for (;;) {
      const refs = sql.join(cols.map((c) => sql.ref(c)));
      const { rows } = await sql<Record<string, unknown>>`
        select ${refs} from ${sql.table(t.name)} order by ${refs} limit 2000 offset ${offset}`.execute(
        db,
      );
      for (const r of rows) hash.update(canonicalJson(r)).update('\n');
      if (rows.length < 2000) break;
      offset += rows.length;
    }
    out[t.name] = hash.digest('hex');
  }
  return out;
}

export async function countTableRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
    out[t.name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}
