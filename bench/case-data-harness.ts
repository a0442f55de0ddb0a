// Support for the benchmarks that need many cases (list-search, national): databases filled by
// `accord generate` once and kept under $ACCORD_DATA_DIR/bench (SQLite) or as PostgreSQL
// databases named accord_bench_cases_<n> (marked complete by a database comment), so reruns
// start in seconds; and sequential latency sampling over HTTP.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { connectDatabase, type DatabaseTarget } from '../src/db/connect-database.js';
import type { BenchEngine } from './http-bench-harness.js';

const adminUrl = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDir = resolve(process.env.ACCORD_DATA_DIR ?? './data', 'bench');
const log = (s: string) => process.stderr.write(`[case-data] ${s}\n`);

export interface CaseDatabase {
  target: DatabaseTarget;
  /** Environment for bench/serve-for-bench.ts to serve this database. */
  env: Record<string, string>;
}

function pgUrlOf(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  return u.toString();
}

function runGenerate(env: Record<string, string>, cases: number, orgs: number): void {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'generate',
      '--cases',
      String(cases),
      '--orgs',
      String(orgs),
    ],
    { env: { ...(process.env as Record<string, string>), ...env }, stdio: ['ignore', 2, 2] },
  );
  if (r.status !== 0) throw new Error(`accord generate --cases ${cases} failed (${r.status})`);
  log(`generated ${cases} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * A database holding `cases` synthetic cases over `orgs` organisations, generated on first use.
 * The key includes the organisation count, since it decides how many cases one officer sees.
 */
export async function cachedCaseDatabase(
  engine: BenchEngine,
  cases: number,
  orgs: number,
): Promise<CaseDatabase> {
  const key = `cases-${cases}-orgs-${orgs}`;
  if (engine === 'sqlite') {
    const dir = join(benchDir, key);
    if (!existsSync(join(dir, 'complete'))) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      runGenerate({ ACCORD_DATA_DIR: dir }, cases, orgs);
      writeFileSync(join(dir, 'complete'), new Date().toISOString() + '\n');
    }
    return {
      target: { engine: 'sqlite', file: join(dir, 'accord.sqlite') },
      env: { ACCORD_DATA_DIR: dir },
    };
  }
  const name = `accord_bench_${key.replaceAll('-', '_')}`;
  const url = pgUrlOf(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query<{ note: string | null }>(
      `select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`,
      [name],
    );
    if (found.rows[0]?.note !== 'complete') {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      runGenerate({ DATABASE_URL: url }, cases, orgs);
      await admin.query(`comment on database ${name} is 'complete'`);
    }
  } finally {
    await admin.end();
  }
  return { target: { engine: 'postgres', url }, env: { DATABASE_URL: url } };
}

/**
 * Makes the demo officer (seeded by serve-for-bench) an officer of the first synthetic
 * organisation too, so its list holds that organisation's share of the generated cases.
 * Returns that organisation's id and a few of its case ids.
 */
export async function grantOfficerSyntheticOrg(
  target: DatabaseTarget,
): Promise<{ orgId: string; caseIds: string[] }> {
  const h = connectDatabase(target, { poolSize: 1 });
  try {
    const org = await h.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', 'like', 'synthetic-%')
      .orderBy('slug')
      .limit(1)
      .executeTakeFirstOrThrow();
    const user = await h.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'officer@demo.example')
      .executeTakeFirstOrThrow();
    // Like the demo committee, the synthetic one lets its staff in without a second factor
    // (the default requires TOTP enrolment, which a benchmark cannot do).
    await h.db
      .updateTable('organizations')
      .set({ require_staff_totp: 0 })
      .where('id', '=', org.id)
      .execute();
    await h.db
      .insertInto('memberships')
      .values({
        id: `bench-officer-${org.id}`,
        org_id: org.id,
        user_id: user.id,
        role: 'officer',
        court_id: null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const cases = await h.db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', org.id)
      .orderBy('submitted_at', 'desc')
      .limit(50)
      .execute();
    return { orgId: org.id, caseIds: cases.map((c) => c.id) };
  } finally {
    await h.close();
  }
}

/** Sequential GETs (one at a time, after a warm-up), each path in turn; sorted milliseconds. */
export async function sampleLatencies(
  base: string,
  token: string,
  paths: string[],
  rounds: number,
): Promise<number[]> {
  const get = async (path: string) => {
    const t0 = performance.now();
    const r = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    const body = await r.text();
    if (!r.ok) throw new Error(`${path}: ${r.status} ${body.slice(0, 200)}`);
    return performance.now() - t0;
  };
  for (const p of paths) await get(p);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) for (const p of paths) times.push(await get(p));
  return times.sort((a, b) => a - b);
}

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const round2 = (n: number) => Math.round(n * 100) / 100;
