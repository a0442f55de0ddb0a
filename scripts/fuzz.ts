/**
 * `npm run fuzz -- --runs N [--seed S] [--engine sqlite|postgres|both]`: the API fuzz test
 * (test/trust/fuzz-api.test.ts) with N cases per operation instead of the few that `npm test`
 * runs. Same checks, same seeded reproducibility; a failure prints the seed and counterexample.
 */
import { spawnSync } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
};

const opts = new Command('fuzz')
  .option('--runs <n>', 'cases per operation', positiveInt, 50)
  .option('--seed <n>', 'fast-check seed', positiveInt, Date.now() % 1_000_000_000)
  .option('--engine <engine>', 'sqlite, postgres or both', 'sqlite')
  .parse()
  .opts<{ runs: number; seed: number; engine: string }>();

const engines = opts.engine === 'both' ? ['sqlite', 'postgres'] : [opts.engine];
let failed = false;
for (const engine of engines) {
  if (engine !== 'sqlite' && engine !== 'postgres') {
    console.error(`unknown engine ${engine}`);
    process.exit(2);
  }
  console.log(`fuzz: ${opts.runs} runs per operation, seed ${opts.seed}, ${engine}`);
  const r = spawnSync('npx', ['vitest', 'run', 'test/trust/fuzz-api.test.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ACCORD_TEST_ENGINE: engine,
      ACCORD_FUZZ_RUNS: String(opts.runs),
      ACCORD_FUZZ_SEED: String(opts.seed),
      // A large run is allowed to take its time.
      ACCORD_FUZZ_TIMEOUT_MS: String(Math.max(600_000, opts.runs * 110 * 1000)),
    },
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
