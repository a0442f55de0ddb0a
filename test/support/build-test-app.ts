import { loadConfig, type Config } from '../../src/config/load-config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { buildApp, type AppInstance } from '../../src/http/build-app.js';
import type { AppDeps } from '../../src/http/app-deps.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: AppInstance;
  deps: AppDeps;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      ACCORD_DATA_DIR: dataDir,
      ACCORD_SECRET: 'test-secret-test-secret-test-secret-0000',
      ACCORD_LOG_LEVEL: 'silent',
    }),
    ...overrides,
  };
}

/** An app on its own fresh database with a controllable clock; inject() drives it without a socket. */
export async function buildTestApp(
  opts: { now?: string; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = fixedClock(opts.now ?? '2026-03-02T02:00:00.000Z');
  const config = testConfig(database.dataDir, opts.config);
  const deps: AppDeps = { db: database.db, engine: database.engine, clock, config };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
