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

/** `accord generate --cases N`: a synthetic history of N cases across `orgs` organisations. */
export async function generateCases(
  config: Config,
  o: { cases: number; orgs: number; seed: number },
): Promise<void> {
  const handle = connectDatabase(config.database);
  // A bulk load may lose its last batches in a power cut and simply be run again.
  handle.sqlite?.pragma('synchronous = NORMAL');
  await migrateToLatest(handle.db);
  const started = Date.now();
  try {
    const r = await generateSyntheticHistory(handle.db, {
      cases: o.cases,
      orgs: o.orgs,
      seed: o.seed,
      sqlite: handle.sqlite,
      onProgress: (done) => {
        if (done % 200_000 === 0 || done === o.cases) {
          const s = (Date.now() - started) / 1000;
          console.log(`${done} cases (${Math.round(done / s)}/s)`);
        }
      },
    });
    console.log(
      `generated ${r.cases} cases and ${r.payments} payments in ${r.orgIds.length} organisations in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await handle.close();
  }
}
