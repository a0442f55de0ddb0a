// national: the officer's pages on a database holding a national-scale synthetic history
// (`accord generate --cases N`, e.g. into a PostgreSQL database accord_national). Measures,
// one request at a time, p50/p99 of: the filtered case list, a q= search, a case page, the
// committee's summary statistics (2013–2026) and team suggestions; then the server's RSS while
// autocannon drives case pages; and the database size per case. Needs an existing database:
//   DATABASE_URL=postgres://…/accord_national npm run bench -- national
//   NATIONAL_SQLITE_DIR=data/bench/cases-…  npm run bench -- national
// The bench server seeds the demo committee into it (idempotent), so the officer can sign in.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connectDatabase, type DatabaseTarget } from '../src/db/connect-database.js';
import { runLoad, signInAs, startBenchServer } from './http-bench-harness.js';
import { grantOfficerSyntheticOrg, pct, round2, sampleLatencies } from './case-data-harness.js';

const sqliteDir = process.env.NATIONAL_SQLITE_DIR;
const pgUrl = process.env.DATABASE_URL;
if (!sqliteDir && !pgUrl) {
  // Part of `npm run bench` (all): without a generated database there is nothing to measure.
  console.log(
    JSON.stringify({ bench: 'national', skipped: 'set DATABASE_URL or NATIONAL_SQLITE_DIR' }),
  );
  process.exit(0);
}
const target: DatabaseTarget = sqliteDir
  ? { engine: 'sqlite', file: join(sqliteDir, 'accord.sqlite') }
  : { engine: 'postgres', url: pgUrl! };
const ROUNDS = Number(process.env.NATIONAL_ROUNDS ?? 20);
const log = (s: string) => process.stderr.write(`[national] ${s}\n`);

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const h = connectDatabase(target, { poolSize: 1 });
const counted = await h.db
  .selectFrom('cases')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const cases = Number(counted.n);
const bytes =
  target.engine === 'postgres'
    ? Number(
        (await sql<{ b: number }>`select pg_database_size(current_database()) as b`.execute(h.db))
          .rows[0]!.b,
      )
    : ['', '-wal'].reduce((s, x) => {
        try {
          return s + statSync(target.file + x).size;
        } catch {
          return s;
        }
      }, 0);
await h.close();
log(`${cases} cases, ${(bytes / 2 ** 30).toFixed(2)} GiB`);

const server = await startBenchServer(
  target.engine,
  sqliteDir ? { ACCORD_DATA_DIR: sqliteDir } : { DATABASE_URL: pgUrl! },
);
try {
  const { orgId, caseIds } = await grantOfficerSyntheticOrg(target);
  const token = await signInAs(server.url, 'officer@demo.example');
  const times = (paths: string[]) => sampleLatencies(server.url, token, paths, ROUNDS);
  const list = await times(['/api/v1/cases?status=fulfilled&category=payment&limit=20']);
  const search = await times([
    `/api/v1/cases?q=textiles&limit=20`,
    `/api/v1/cases?q=${encodeURIComponent('义乌')}&limit=20`,
  ]);
  const pages = caseIds.slice(0, 10).map((id) => `/api/v1/cases/${id}`);
  const page = await sampleLatencies(
    server.url,
    token,
    pages,
    Math.max(2, Math.round(ROUNDS / 10)),
  );
  const stats = await times([`/api/v1/stats/summary?orgId=${orgId}&from=2013-01-01&to=2026-12-31`]);
  const suggest = await sampleLatencies(
    server.url,
    token,
    caseIds.slice(0, 10).map((id) => `/api/v1/cases/${id}/team-suggestions`),
    Math.max(2, Math.round(ROUNDS / 10)),
  );
  // RSS while autocannon drives case pages (10 connections): the peak of samples every 250 ms.
  let peak = await rssMb(server.pid!);
  const sampler = setInterval(() => {
    void rssMb(server.pid!).then((m) => (peak = Math.max(peak, m)));
  }, 250);
  const load = await runLoad({
    url: server.url + pages[0],
    headers: { authorization: `Bearer ${token}` },
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
  });
  clearInterval(sampler);
  const p = (t: number[]) => ({ p50: round2(pct(t, 50)), p99: round2(pct(t, 99)) });
  console.log(
    JSON.stringify({
      bench: 'national',
      engine: target.engine,
      cases,
      list_ms: p(list),
      search_ms: p(search),
      case_page_ms: p(page),
      stats_summary_ms: p(stats),
      team_suggestions_ms: p(suggest),
      case_page_rps: load.rps,
      case_page_non2xx: load.non2xx,
      server_rss_mb_under_load: Math.round(peak),
      database_bytes: bytes,
      bytes_per_case: Math.round(bytes / cases),
    }),
  );
} finally {
  await server.stop();
}
