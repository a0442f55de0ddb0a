// list-search: the case list as an officer, at 10,000 and at 1,000,000 cases, in one run.
//   filter: status + category, first page and the page after its cursor
//   search: q= a Latin word ("textiles") and a Chinese one ("义乌"), newest first
// Sequential requests over loopback (latency, not throughput), p50 and p99 of each.
// growth = p50 at the large size / p50 at the small size; target ≤ 3.
// The officer is made an officer of one of ORGS synthetic committees, so the list it sees
// grows with the database (1/ORGS of all cases). Databases are generated once by
// `accord generate` and cached (bench/case-data-harness.ts).
//   npm run bench -- list-search [--engine sqlite|postgres] [--small N] [--large N] [--orgs N]
import { engineFromArgs, signInAs, startBenchServer } from './http-bench-harness.js';
import {
  cachedCaseDatabase,
  grantOfficerSyntheticOrg,
  pct,
  round2,
  sampleLatencies,
} from './case-data-harness.js';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SMALL = arg('--small', 10_000);
const LARGE = arg('--large', 1_000_000);
const ORGS = arg('--orgs', 20);
const ROUNDS = Number(process.env.LIST_SEARCH_ROUNDS ?? 30);
const log = (s: string) => process.stderr.write(`[list-search] ${s}\n`);

async function measure(engine: 'sqlite' | 'postgres', cases: number) {
  const data = await cachedCaseDatabase(engine, cases, ORGS);
  const server = await startBenchServer(engine, data.env);
  try {
    await grantOfficerSyntheticOrg(data.target);
    const token = await signInAs(server.url, 'officer@demo.example');
    const filter = '/api/v1/cases?status=fulfilled&category=payment&limit=20';
    const first = await fetch(server.url + filter, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await first.json()) as { items: unknown[]; nextCursor: string | null };
    if (page.items.length === 0 || !page.nextCursor) {
      throw new Error(`the filtered list at ${cases} cases has no second page`);
    }
    const filterTimes = await sampleLatencies(
      server.url,
      token,
      [filter, `${filter}&cursor=${encodeURIComponent(page.nextCursor)}`],
      ROUNDS,
    );
    const searchTimes = await sampleLatencies(
      server.url,
      token,
      [
        `/api/v1/cases?q=textiles&limit=20`,
        `/api/v1/cases?q=${encodeURIComponent('义乌')}&limit=20`,
      ],
      ROUNDS,
    );
    log(
      `${engine} ${cases}: filter p50 ${round2(pct(filterTimes, 50))} ms, search p50 ${round2(pct(searchTimes, 50))} ms`,
    );
    return { filterTimes, searchTimes };
  } finally {
    await server.stop();
  }
}

for (const engine of engineFromArgs(process.argv)) {
  const small = await measure(engine, SMALL);
  const large = await measure(engine, LARGE);
  const p50 = (t: number[]) => pct(t, 50);
  console.log(
    JSON.stringify({
      bench: 'list-search',
      engine,
      cases_small: SMALL,
      cases_large: LARGE,
      orgs: ORGS,
      filter_p50_ms: round2(p50(large.filterTimes)),
      filter_p99_ms: round2(pct(large.filterTimes, 99)),
      search_p50_ms: round2(p50(large.searchTimes)),
      search_p99_ms: round2(pct(large.searchTimes, 99)),
      filter_p50_small_ms: round2(p50(small.filterTimes)),
      search_p50_small_ms: round2(p50(small.searchTimes)),
      filter_growth: round2(p50(large.filterTimes) / p50(small.filterTimes)),
      search_growth: round2(p50(large.searchTimes) / p50(small.searchTimes)),
    }),
  );
}
