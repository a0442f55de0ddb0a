import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  connectDatabase,
  type DatabaseHandle,
  type Engine,
} from '../../src/db/connect-database.js';
import { migrateToLatest } from '../../src/db/migrate-to-latest.js';

/** The engine this test run targets: `npm test` runs every file once per engine. */
export const testEngine: Engine =
  process.env.ACCORD_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const adminPgUrl =
  process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends DatabaseHandle {
  /** A connection string or file another process (a child server) can open. */
  target: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new PostgreSQL
 * database created from the admin connection. Drop it in afterAll.
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-test-'));
  let target: TestDatabase['target'];
  let dbName: string | undefined;
  if (testEngine === 'sqlite') {
    target = { engine: 'sqlite', file: join(dataDir, 'accord.sqlite') };
  } else {
    dbName = 'accord_test_' + randomBytes(6).toString('hex');
    const admin = new pg.Client({ connectionString: adminPgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminPgUrl);
    url.pathname = '/' + dbName;
    target = { engine: 'postgres', url: url.toString() };
  }
  const handle = connectDatabase(target, { poolSize: 5 });
  if (opts.migrate !== false) await migrateToLatest(handle.db);
  let dropped = false;
  return {
    ...handle,
    target,
    dataDir,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      if (dbName) {
        const admin = new pg.Client({ connectionString: adminPgUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
