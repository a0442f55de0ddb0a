import { spawn } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DatabaseTarget } from '../connect-database.js';
import type { Database } from '../schema.js';
import { isPostgres } from '../detect-engine.js';

/**
 * Engine-specific dump and load for `accord backup` / `accord restore`. Both produce a
 * consistent snapshot while the server keeps writing: SQLite through its online backup API,
 * PostgreSQL through pg_dump, which reads in one repeatable-read transaction.
 */

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000);
    });
    child.on('error', (e) => reject(new Error(`${cmd} could not start: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      // The connection string can carry a password; pg tools do not echo it, but keep it out anyway.
      else reject(new Error(`${cmd} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

export async function dumpDatabase(target: DatabaseTarget, outFile: string): Promise<void> {
  if (target.engine === 'postgres') {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--file',
      outFile,
      '--dbname',
      target.url,
    ]);
    return;
  }
  if (!existsSync(target.file)) throw new Error(`no database at ${target.file}`);
  // A connection of its own: writes from other connections (the server) restart the copy,
  // and asking for every remaining page in one step makes that step one read transaction,
  // so the copy is a single consistent snapshot even under continuous writes.
  const source = new SQLite(target.file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    await source.backup(outFile + '.partial', { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new SQLite(outFile + '.partial');
  try {
    // The copy is self-contained (no -wal beside it) and checked before it is trusted.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup copy failed the integrity check: ${check}`);
  } finally {
    copy.close();
  }
  renameSync(outFile + '.partial', outFile);
}

/** Loads a dump into an empty database (the caller checked emptiness with isDatabaseEmpty). */
export async function loadDatabaseDump(target: DatabaseTarget, dumpFile: string): Promise<void> {
  if (target.engine === 'postgres') {
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--dbname',
      target.url,
      dumpFile,
    ]);
    return;
  }
  const check = new SQLite(dumpFile, { fileMustExist: true });
  try {
    const r = check.pragma('integrity_check', { simple: true });
    if (r !== 'ok') throw new Error(`database in the backup failed the integrity check: ${r}`);
    check.pragma('journal_mode = WAL');
  } finally {
    check.close();
  }
  renameSync(dumpFile, target.file);
}

/** True when the database holds no tables at all (not even the migration bookkeeping). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  if (isPostgres(db)) {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`.execute(db);
    return Number(r.rows[0]?.n ?? 0) === 0;
  }
  const r = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table'`.execute(db);
  return Number(r.rows[0]?.n ?? 0) === 0;
}

/** The applied migrations, so a restore can say which schema version it brings back. */
export async function listAppliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}
