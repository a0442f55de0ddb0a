// stats: the dashboard's whole-country query (summary + monthly breakdown over every
// organisation, 2013 to 2026) at two sizes of synthetic history, in the same run.
// growth = p50 at n_large / p50 at n_small; the roll-up design targets growth ≤ 3.
// Generated databases are kept under $ACCORD_DATA_DIR/bench (default ./data/bench) and
// reused, since generating millions of cases takes minutes. Runs standalone too:
// `npx tsx bench/stats.ts`. STATS_BENCH_SMALL / STATS_BENCH_LARGE change the sizes.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { connectDatabase } from '../src/db/connect-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';
import { generateSyntheticHistory } from '../src/seed/generate-synthetic-history.js';
import { computeStatsBreakdown } from '../src/use-cases/stats/compute-stats-breakdown.js';
import { computeStatsSummary } from '../src/use-cases/stats/compute-stats-summary.js';

const nSmall = Number(process.env.STATS_BENCH_SMALL ?? 100_000);
const nLarge = Number(process.env.STATS_BENCH_LARGE ?? 10_000_000);
const iterations = Number(process.env.STATS_BENCH_ITERATIONS ?? 25);
const dir = join(process.env.ACCORD_DATA_DIR ?? './data', 'bench');
const NOW = new Date('2026-11-28T00:00:00.000Z');
const period = { from: '2013-01-01', to: '2026-12-31' };

async function databaseWith(n: number) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `stats-${n}.sqlite`);
  if (!existsSync(file)) {
    const tmp = file + '.partial';
    for (const f of [tmp, tmp + '-wal', tmp + '-shm']) rmSync(f, { force: true });
    const h = connectDatabase({ engine: 'sqlite', file: tmp });
    h.sqlite!.pragma('synchronous = NORMAL');
    await migrateToLatest(h.db);
    const started = Date.now();
    await generateSyntheticHistory(h, {
      cases: n,
      now: NOW,
      onProgress: (done) => {
        if (done % 500_000 === 0)
          console.error(
            `generating ${n}: ${done} (${Math.round((Date.now() - started) / 1000)} s)`,
          );
      },
    });
    h.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    await h.close();
    renameSync(tmp, file);
    console.error(`generated ${n} cases in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return connectDatabase({ engine: 'sqlite', file });
}

async function p50(n: number): Promise<number> {
  const h = await databaseWith(n);
  const once = async () => {
    const t = process.hrtime.bigint();
    const [summary, months] = await Promise.all([
      computeStatsSummary(h.db, { scope: { all: true }, period, nowIso: NOW.toISOString() }),
      computeStatsBreakdown(h.db, { scope: { all: true }, period, by: 'month' }),
    ]);
    if (summary.casesAccepted !== n || months.length === 0) {
      throw new Error(`unexpected figures for ${n}: ${summary.casesAccepted} accepted`);
    }
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push(await once());
  await h.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const small = await p50(nSmall);
const large = await p50(nLarge);
console.log(
  JSON.stringify({
    bench: 'stats',
    n_small: nSmall,
    n_large: nLarge,
    p50_small_ms: Math.round(small * 100) / 100,
    p50_large_ms: Math.round(large * 100) / 100,
    growth: Math.round((large / small) * 100) / 100,
  }),
);
