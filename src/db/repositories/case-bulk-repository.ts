import { sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseHandle } from '../connect-database.js';

/**
 * Bulk loading of synthetic case histories (`accord generate`, the stats and list-search
 * benchmarks). Inserting row by row pays the statistics triggers (migration
 * 2026-11-28T1500_statistics) about a dozen upserts per case, which held loads to a few hundred
 * cases a second. Here each batch is written in ONE transaction that:
 *   1. fills a temporary staging table (multi-row prepared inserts on SQLite, one UNNEST insert
 *      per column set on PostgreSQL),
 *   2. switches the statistics triggers off for that transaction only (SQLite: the triggers are
 *      dropped and re-created from their own stored SQL; PostgreSQL: ALTER TABLE … DISABLE
 *      TRIGGER, which is transactional and held under the table lock, so no other session ever
 *      writes without them),
 *   3. copies the staged rows into `cases` and `payments`,
 *   4. adds the batch's roll-up contributions with one grouped upsert per roll-up table,
 *      the same contributions the triggers add row by row (`accord stats verify` and
 *      test/seed/generate-synthetic-history.test.ts check they agree).
 * A crash loses at most the open batch; committed batches are complete and consistent.
 */
export interface BulkCase {
  id: string;
  org_id: string;
  reference: string;
  status: string;
  source: string;
  category: string;
  national_category: string;
  summary: string;
  description: string;
  search_text: string;
  claimed_amount_minor: number;
  claimed_currency: string;
  submitted_at: string;
  decided_at: string | null;
  accepted_at: string | null;
  mediation_due_at: string | null;
  concluded_at: string | null;
  outcome: string | null;
  agreed_at: string | null;
  agreed_amount_minor: number | null;
  agreed_currency: string | null;
  agreed_amount_cny_minor: number | null;
  created_at: string;
  updated_at: string;
}

export interface BulkPayment {
  id: string;
  org_id: string;
  case_id: string;
  amount_minor: number;
  currency: string;
  amount_cny_minor: number;
  fx_rate: string;
  paid_on: string;
  recorded_at: string;
}

/** Column → PostgreSQL array type for UNNEST; the order is the staging tables' column order. */
const caseColumns: Record<keyof BulkCase, string> = {
  id: 'text',
  org_id: 'text',
  reference: 'text',
  status: 'text',
  source: 'text',
  category: 'text',
  national_category: 'text',
  summary: 'text',
  description: 'text',
  search_text: 'text',
  claimed_amount_minor: 'int8',
  claimed_currency: 'text',
  submitted_at: 'text',
  decided_at: 'text',
  accepted_at: 'text',
  mediation_due_at: 'text',
  concluded_at: 'text',
  outcome: 'text',
  agreed_at: 'text',
  agreed_amount_minor: 'int8',
  agreed_currency: 'text',
  agreed_amount_cny_minor: 'int8',
  created_at: 'text',
  updated_at: 'text',
};
const paymentColumns: Record<keyof BulkPayment, string> = {
  id: 'text',
  org_id: 'text',
  case_id: 'text',
  amount_minor: 'int8',
  currency: 'text',
  amount_cny_minor: 'int8',
  fx_rate: 'text',
  paid_on: 'text',
  recorded_at: 'text',
};
const caseKeys = Object.keys(caseColumns) as (keyof BulkCase)[];
const paymentKeys = Object.keys(paymentColumns) as (keyof BulkPayment)[];

const figures = 'accepted, concluded, succeeded, agreed_cny_minor, recovered_cny_minor';
const addFigures = (t: string) =>
  figures
    .split(', ')
    .map((c) => `${c} = ${t}.${c} + excluded.${c}`)
    .join(', ');

/**
 * The roll-up contributions of the staged batch, grouped: what the row triggers would add for
 * each inserted case and payment. SQLite needs the `WHERE true` to parse INSERT … SELECT …
 * ON CONFLICT.
 */
function rollupStatements(
  engine: 'sqlite' | 'postgres',
  batch: { cases: string; payments: string },
): string[] {
  const days =
    engine === 'postgres'
      ? `(substr(c.concluded_at, 1, 10)::date - substr(c.accepted_at, 1, 10)::date)`
      : `CAST(julianday(substr(c.concluded_at, 1, 10)) - julianday(substr(c.accepted_at, 1, 10)) AS INTEGER)`;
  const contributions = `
    SELECT c.org_id, substr(c.accepted_at, 1, 10) AS day, c.category, c.national_category,
      c.source, 1 AS accepted, 0 AS concluded, 0 AS succeeded, 0 AS agreed, 0 AS recovered
      FROM ${batch.cases} c WHERE c.accepted_at IS NOT NULL
    UNION ALL
    SELECT c.org_id, substr(c.concluded_at, 1, 10), c.category, c.national_category, c.source,
      0, 1, CASE WHEN c.outcome = 'agreed' THEN 1 ELSE 0 END, 0, 0
      FROM ${batch.cases} c WHERE c.concluded_at IS NOT NULL AND c.outcome IN ('agreed', 'failed')
    UNION ALL
    SELECT c.org_id, substr(c.agreed_at, 1, 10), c.category, c.national_category, c.source,
      0, 0, 0, c.agreed_amount_cny_minor, 0
      FROM ${batch.cases} c WHERE c.outcome = 'agreed' AND c.agreed_at IS NOT NULL
        AND c.agreed_amount_cny_minor IS NOT NULL
    UNION ALL
    SELECT p.org_id, substr(p.paid_on, 1, 10), c.category, c.national_category, c.source,
      0, 0, 0, 0, p.amount_cny_minor
      FROM ${batch.payments} p JOIN ${batch.cases} c ON c.id = p.case_id`;
  const sums = `sum(accepted), sum(concluded), sum(succeeded), sum(agreed), sum(recovered)`;
  const concluded = `FROM ${batch.cases} c WHERE c.concluded_at IS NOT NULL
    AND c.outcome IN ('agreed', 'failed') AND c.accepted_at IS NOT NULL`;
  return [
    `INSERT INTO stats_daily (org_id, day, category, national_category, source, ${figures})
     SELECT * FROM (SELECT org_id, day, category, min(national_category), source, ${sums}
       FROM (${contributions}) x GROUP BY org_id, day, category, source) g WHERE true
     ON CONFLICT (org_id, day, category, source) DO UPDATE SET ${addFigures('stats_daily')}`,
    `INSERT INTO stats_monthly (month, category, national_category, source, ${figures})
     SELECT * FROM (SELECT substr(day, 1, 7), category, min(national_category), source, ${sums}
       FROM (${contributions}) x GROUP BY substr(day, 1, 7), category, source) g WHERE true
     ON CONFLICT (month, category, source) DO UPDATE SET ${addFigures('stats_monthly')}`,
    `INSERT INTO stats_durations (org_id, day, days, n)
     SELECT * FROM (SELECT c.org_id, substr(c.concluded_at, 1, 10), ${days}, count(*)
       ${concluded} GROUP BY c.org_id, substr(c.concluded_at, 1, 10), ${days}) g WHERE true
     ON CONFLICT (org_id, day, days) DO UPDATE SET n = stats_durations.n + excluded.n`,
    `INSERT INTO stats_durations_monthly (month, days, n)
     SELECT * FROM (SELECT substr(c.concluded_at, 1, 7), ${days}, count(*)
       ${concluded} GROUP BY substr(c.concluded_at, 1, 7), ${days}) g WHERE true
     ON CONFLICT (month, days) DO UPDATE SET n = stats_durations_monthly.n + excluded.n`,
    `INSERT INTO stats_due (org_id, day, n)
     SELECT * FROM (SELECT c.org_id, substr(c.mediation_due_at, 1, 10), count(*) FROM ${batch.cases} c
       WHERE c.status IN ('accepted', 'in_mediation') AND c.mediation_due_at IS NOT NULL
       GROUP BY c.org_id, substr(c.mediation_due_at, 1, 10)) g WHERE true
     ON CONFLICT (org_id, day) DO UPDATE SET n = stats_due.n + excluded.n`,
    `INSERT INTO stats_status (org_id, status, n)
     SELECT * FROM (SELECT c.org_id, c.status, count(*) FROM ${batch.cases} c
       GROUP BY c.org_id, c.status) g WHERE true
     ON CONFLICT (org_id, status) DO UPDATE SET n = stats_status.n + excluded.n`,
  ];
}

const copyIn = (table: string, keys: readonly string[]) =>
  `INSERT INTO ${table} (${keys.join(', ')}) SELECT ${keys.join(', ')} FROM bulk_${table}`;
const stagingDdl = (table: string, keys: readonly string[], temp: string) =>
  `CREATE ${temp} TABLE bulk_${table} AS SELECT ${keys.join(', ')} FROM ${table} WHERE 1 = 0`;

export interface CaseBulkLoader {
  /** Writes one batch (cases and their payments) in one transaction. */
  load(cases: BulkCase[], payments: BulkPayment[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a loader. When `cases` is still empty (a fresh database being filled for a benchmark
 * or a national-scale trial), the secondary indexes of `cases` and `payments` are dropped and
 * built once, sorted, at `close()`: several times cheaper than keeping them up to date row by
 * row. Their definitions are read from the database itself, so whatever the migrations made
 * comes back. Primary keys and unique constraints stay throughout. If the process is killed
 * before `close()`, rerun the printed statements (or migrate a fresh database and load again).
 */
export async function openCaseBulkLoader(
  handle: DatabaseHandle,
  opts: { onIndexes?: (message: string) => void } = {},
): Promise<CaseBulkLoader> {
  const loader = handle.sqlite
    ? openSqliteLoader(handle.sqlite)
    : await openPostgresLoader(handle.pool!);
  const empty = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 from cases limit 1) x`.execute(handle.db);
  if (Number(empty.rows[0]!.n) !== 0) return loader;
  const defs = await secondaryIndexesOf(handle);
  for (const d of defs) await sql.raw(`DROP INDEX ${d.name}`).execute(handle.db);
  opts.onIndexes?.(
    `dropped ${defs.length} secondary indexes for the load; they are rebuilt at the end:\n${defs.map((d) => d.sql + ';').join('\n')}`,
  );
  return {
    load: loader.load,
    close: async () => {
      await loader.close();
      const started = performance.now();
      for (const d of defs) await sql.raw(d.sql).execute(handle.db);
      if (handle.engine === 'postgres') await sql`ANALYZE cases, payments`.execute(handle.db);
      else await sql`ANALYZE`.execute(handle.db);
      opts.onIndexes?.(
        `rebuilt ${defs.length} indexes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
  };
}

/** Indexes of cases and payments that back no primary key or unique constraint. */
async function secondaryIndexesOf(
  handle: DatabaseHandle,
): Promise<{ name: string; sql: string }[]> {
  if (handle.engine === 'sqlite') {
    const r = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
      where type = 'index' and tbl_name in ('cases', 'payments') and sql is not null
        and sql not like 'CREATE UNIQUE%'`.execute(handle.db);
    return r.rows;
  }
  const r = await sql<{ name: string; sql: string }>`select i.indexname as name, i.indexdef as sql
    from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in ('cases', 'payments')
      and i.indexdef not like 'CREATE UNIQUE%'
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(
    handle.db,
  );
  return r.rows;
}

// Rows per multi-row INSERT: 400 × 24 columns stays far below SQLite's 32,766 parameters.
const SQLITE_CHUNK = 400;

/**
 * SQLite writes straight into `cases` and `payments`: inside the IMMEDIATE transaction no one
 * else writes, so the batch is exactly the rows above the rowids held before it.
 */
function openSqliteLoader(sqlite: NonNullable<DatabaseHandle['sqlite']>): CaseBulkLoader {
  sqlite.exec(`CREATE TEMP TABLE bulk_bounds (cases_after INTEGER, payments_after INTEGER)`);
  const multiRow = (table: string, keys: readonly string[], n: number) => {
    const tuple = `(${keys.map(() => '?').join(', ')})`;
    return sqlite.prepare(
      `INSERT INTO main.${table} (${keys.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`,
    );
  };
  const fullChunk = {
    cases: multiRow('cases', caseKeys, SQLITE_CHUNK),
    payments: multiRow('payments', paymentKeys, SQLITE_CHUNK),
  };
  const insert = (table: 'cases' | 'payments', keys: readonly string[], rows: object[]) => {
    for (let i = 0; i < rows.length; i += SQLITE_CHUNK) {
      const chunk = rows.slice(i, i + SQLITE_CHUNK) as Record<string, unknown>[];
      const stmt =
        chunk.length === SQLITE_CHUNK ? fullChunk[table] : multiRow(table, keys, chunk.length);
      stmt.run(chunk.flatMap((r) => keys.map((k) => r[k] ?? null)));
    }
  };
  const rollups = rollupStatements('sqlite', {
    cases: '(SELECT * FROM main.cases WHERE rowid > (SELECT cases_after FROM temp.bulk_bounds))',
    payments:
      '(SELECT * FROM main.payments WHERE rowid > (SELECT payments_after FROM temp.bulk_bounds))',
  }).map((q) => sqlite.prepare(q));
  const bounds = sqlite.prepare(`INSERT INTO temp.bulk_bounds
    SELECT (SELECT coalesce(max(rowid), 0) FROM main.cases),
           (SELECT coalesce(max(rowid), 0) FROM main.payments)`);
  const triggersOf = sqlite.prepare(
    `SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'
       AND tbl_name IN ('cases', 'payments') AND name LIKE 'stats\\_%' ESCAPE '\\'`,
  );
  const batch = sqlite.transaction((cases: BulkCase[], payments: BulkPayment[]) => {
    sqlite.exec('DELETE FROM temp.bulk_bounds');
    bounds.run();
    // Read inside the transaction, so the re-created triggers are exactly the ones dropped.
    const triggers = triggersOf.all() as { name: string; sql: string }[];
    for (const t of triggers) sqlite.exec(`DROP TRIGGER main."${t.name}"`);
    insert('cases', caseKeys, cases);
    insert('payments', paymentKeys, payments);
    for (const r of rollups) r.run();
    for (const t of triggers) sqlite.exec(t.sql);
  });
  return {
    load: async (cases, payments) => {
      batch.immediate(cases, payments);
    },
    close: async () => {
      sqlite.exec('DROP TABLE temp.bulk_bounds');
    },
  };
}

async function openPostgresLoader(pool: pg.Pool): Promise<CaseBulkLoader> {
  const client = await pool.connect();
  await client.query(stagingDdl('cases', caseKeys, 'TEMP'));
  await client.query(stagingDdl('payments', paymentKeys, 'TEMP'));
  const rollups = rollupStatements('postgres', { cases: 'bulk_cases', payments: 'bulk_payments' });
  // One INSERT … SELECT FROM unnest($1::text[], …): a whole batch in one round trip.
  const unnestInsert = (table: string, columns: Record<string, string>) => {
    const keys = Object.keys(columns);
    return `INSERT INTO bulk_${table} (${keys.join(', ')}) SELECT * FROM unnest(${keys
      .map((k, i) => `$${i + 1}::${columns[k]}[]`)
      .join(', ')})`;
  };
  const insertCases = unnestInsert('cases', caseColumns);
  const insertPayments = unnestInsert('payments', paymentColumns);
  const columnsOf = <T extends object>(rows: T[], keys: (keyof T)[]) =>
    keys.map((k) => rows.map((r) => r[k] ?? null));
  return {
    load: async (cases, payments) => {
      await client.query('BEGIN');
      try {
        await client.query('TRUNCATE bulk_cases, bulk_payments');
        await client.query(insertCases, columnsOf(cases, caseKeys));
        await client.query(insertPayments, columnsOf(payments, paymentKeys));
        // Temporary tables are never auto-analysed; without figures the planner guesses joins.
        await client.query('ANALYZE bulk_cases, bulk_payments');
        await client.query('ALTER TABLE cases DISABLE TRIGGER stats_cases');
        await client.query('ALTER TABLE payments DISABLE TRIGGER stats_payments');
        await client.query(copyIn('cases', caseKeys));
        await client.query(copyIn('payments', paymentKeys));
        for (const r of rollups) await client.query(r);
        await client.query('ALTER TABLE cases ENABLE TRIGGER stats_cases');
        await client.query('ALTER TABLE payments ENABLE TRIGGER stats_payments');
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    },
    close: async () => {
      await client.query('DROP TABLE IF EXISTS bulk_cases, bulk_payments');
      client.release();
    },
  };
}
