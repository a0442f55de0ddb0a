// match: team suggestions for a case at 10,000 and at 1,000,000 mediators, in the same run on
// the same database (the roster grows between the two measurements). The synthetic world is
// many committees of ORG_SIZE mediators each (accord generate), with cases in committees
// picked at random across the whole roster; matching reads only the language indexes of the
// case's committee, so growth should stay near 1.
// Prints one JSON line on stdout; progress goes to stderr.
//   npm run bench -- match [--engine sqlite|postgres] [--large N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseTarget } from '../src/db/connect-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';
import {
  insertSyntheticCase,
  insertSyntheticRoster,
} from '../src/db/repositories/mediator-bulk-repository.js';
import { computeTeamSuggestions } from '../src/use-cases/matching/compute-team-suggestions.js';
import { seededRandom } from '../src/seed/seeded-random.js';

const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const engine = arg('--engine') === 'postgres' ? 'postgres' : 'sqlite';
const N_SMALL = 10_000;
const N_LARGE = Number(arg('--large') ?? 1_000_000);
const ORG_SIZE = 2_000;
const CASES = 40;
const ROUNDS = 5;
const AT = '2026-03-02T02:00:00.000Z';
const log = (s: string) => process.stderr.write(`[match] ${s}\n`);

const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-match-'));
let target: DatabaseTarget;
let dropPg: (() => Promise<void>) | undefined;
if (engine === 'sqlite') {
  target = { engine: 'sqlite', file: join(dataDir, 'match.sqlite') };
} else {
  const admin = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = 'accord_bench_' + randomBytes(5).toString('hex');
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = '/' + name;
  target = { engine: 'postgres', url: url.toString() };
  dropPg = async () => {
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`drop database if exists ${name} with (force)`);
    await d.end();
  };
}
const handle = connectDatabase(target, { poolSize: 4 });
const db = handle.db;
const rand = seededRandom(20261128);

async function measure(orgIds: string[]): Promise<number[]> {
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const orgId = orgIds[Math.floor(rand() * orgIds.length)]!;
    caseIds.push(await insertSyntheticCase(db, { orgId, rand, at: AT }));
  }
  // Warm-up: caches and prepared plans, as a running server has them.
  for (const caseId of caseIds.slice(0, 5)) {
    await computeTeamSuggestions(db, { caseId, now: AT, locale: 'en', limit: 10 });
  }
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const caseId of caseIds) {
      const t0 = performance.now();
      await computeTeamSuggestions(db, { caseId, now: AT, locale: 'en', limit: 10 });
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round2 = (n: number) => Math.round(n * 100) / 100;

try {
  await migrateToLatest(db);
  let t0 = performance.now();
  const small = await insertSyntheticRoster(db, {
    count: N_SMALL,
    orgSize: ORG_SIZE,
    rand,
    at: AT,
  });
  log(`${N_SMALL} mediators in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const smallTimes = await measure(small.orgIds);

  t0 = performance.now();
  const more = await insertSyntheticRoster(db, {
    count: N_LARGE - N_SMALL,
    orgSize: ORG_SIZE,
    rand,
    at: AT,
    onProgress: (done) => {
      if (done % 100_000 === 0) log(`  ${done + N_SMALL} mediators…`);
    },
  });
  log(`grew to ${N_LARGE} mediators in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const largeTimes = await measure([...small.orgIds, ...more.orgIds]);

  const p50Small = pct(smallTimes, 50);
  const p50Large = pct(largeTimes, 50);
  console.log(
    JSON.stringify({
      bench: 'match',
      engine,
      n_small: N_SMALL,
      n_large: N_LARGE,
      p50_small_ms: round2(p50Small),
      p50_large_ms: round2(p50Large),
      p99_large_ms: round2(pct(largeTimes, 99)),
      growth: round2(p50Large / p50Small),
    }),
  );
} finally {
  await handle.close();
  await dropPg?.();
  rmSync(dataDir, { recursive: true, force: true });
}
