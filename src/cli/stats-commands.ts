import type { Command } from 'commander';
import type { Config } from '../config/load-config.js';
import { connectDatabase } from '../db/connect-database.js';
import { migrateToLatest } from '../db/migrate-to-latest.js';
import { findRollupMismatches } from '../db/repositories/stats-raw-repository.js';
import { generateSyntheticHistory } from '../seed/generate-synthetic-history.js';
import { openDatabase } from './open-database.js';

/** `accord stats verify`. */
export function registerStatsCommands(program: Command, requireConfig: () => Config): void {
  const stats = program.command('stats').description('statistics roll-ups');
  stats
    .command('verify')
    .description('recompute every roll-up from the raw case and payment rows and compare')
    .action(async () => {
      const handle = await openDatabase(requireConfig());
      try {
        const mismatches = await findRollupMismatches(handle.db);
        if (mismatches.length === 0) {
          console.log('ok: roll-ups match the raw data');
        } else {
          for (const m of mismatches.slice(0, 20)) {
            console.log(
              `mismatch ${m.table} [${m.key}]: stored ${m.stored}, recomputed ${m.recomputed}`,
            );
          }
          console.log(`${mismatches.length} mismatching roll-up rows`);
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });
}

/**
 * `accord generate --cases N`: a synthetic history of N cases across `orgs` organisations,
 * printing progress and the load rate in cases a second.
 */
export async function generateCases(
  config: Config,
  o: { cases: number; orgs: number; seed: number; batch?: number },
): Promise<void> {
  const handle = connectDatabase(config.database);
  // A bulk load may lose its last batches in a power cut and simply be run again; a larger
  // page cache keeps the growing indexes in memory.
  handle.sqlite?.pragma('synchronous = NORMAL');
  handle.sqlite?.pragma('cache_size = -1000000');
  await migrateToLatest(handle.db);
  const started = performance.now();
  let last = 0;
  try {
    const r = await generateSyntheticHistory(handle, {
      cases: o.cases,
      orgs: o.orgs,
      seed: o.seed,
      batch: o.batch,
      onIndexes: (m) => console.log(m),
      onProgress: (done) => {
        const s = (performance.now() - started) / 1000;
        if (s - last >= 10 || done === o.cases) {
          last = s;
          console.log(`${done} cases, ${Math.round(done / s)} cases/s`);
        }
      },
    });
    const s = (performance.now() - started) / 1000;
    console.log(
      `generated ${r.cases} cases and ${r.payments} payments in ${r.orgIds.length} organisations in ${s.toFixed(1)} s: ${Math.round(r.cases / s)} cases/s, ${Math.round((r.cases + r.payments) / s)} rows/s (${handle.engine})`,
    );
  } finally {
    await handle.close();
  }
}
