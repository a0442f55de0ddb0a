import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { nameHotStatements } from './name-hot-statements.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';
export type DatabaseTarget =
  { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** The raw better-sqlite3 handle, for the SQLite backup API and hot paths. */
  sqlite?: SQLite.Database;
  /** The pg pool, for PostgreSQL-only features. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 (bigint, COUNT) and numeric (SUM) arrive as strings from pg. Money is stored in minor
// units and stays far below 2^53, so numbers are exact and both engines return the same type.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Kysely's SQLite driver prepares every statement anew, and preparing costs about as much as
 * running a short indexed query (measured: 20 µs vs 8 µs for a case by id). Statements are
 * reused by their SQL text, the least recently used dropped beyond `max`. Reuse is safe because
 * better-sqlite3 runs a statement to completion before returning (the app never streams), and
 * SQLite re-prepares a statement by itself after a schema change.
 */
function reusePreparedStatements(sqlite: SQLite.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        // Map keeps insertion order: moving the hit to the end keeps the oldest first.
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function connectDatabase(
  target: DatabaseTarget,
  opts: { poolSize?: number } = {},
): DatabaseHandle {
  if (target.engine === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    // WAL for concurrent readers; synchronous=FULL because a committed legal record must
    // survive a power cut (NORMAL may lose the last transactions in WAL mode).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 10000');
    // The default page cache is 2 MB; a committee's working set (cases, parties, audit) is
    // larger, and reading it through the memory map saves a copy per page.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('mmap_size = 268435456');
    sqlite.pragma('temp_store = memory');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: reusePreparedStatements(sqlite) }),
    });
    return {
      db,
      engine: 'sqlite',
      sqlite,
      close: async () => {
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: opts.poolSize ?? 10 });
  // An idle client error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: nameHotStatements(pool) }),
  });
  return {
    db,
    engine: 'postgres',
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
