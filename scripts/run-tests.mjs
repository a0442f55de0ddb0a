#!/usr/bin/env node
// `npm test`: the whole suite on SQLite, then again on PostgreSQL. A missing PostgreSQL is a
// failure, never a silent skip. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const args = process.argv.slice(2);
const engines = (process.env.ACCORD_TEST_ENGINES ?? 'sqlite,postgres').split(',');
const pgUrl = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (engines.includes('postgres')) {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
  } catch (e) {
    console.error(`PostgreSQL is not reachable at ${pgUrl}: ${e.message}`);
    console.error('Start it (see README) or set ACCORD_TEST_PG_URL. Tests do not skip an engine.');
    process.exit(1);
  }
}

let failed = false;
for (const engine of engines) {
  console.log(`\n=== tests on ${engine} ===`);
  const r = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ACCORD_TEST_ENGINE: engine },
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
