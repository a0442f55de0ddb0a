import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../domain/clock.js';
import type { Database } from '../db/schema.js';
import type { Engine } from '../db/connect-database.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';

/** What the HTTP layer is built from; tests build it with their own database and clock. */
export interface AppDeps extends UseCaseContext {
  db: Kysely<Database>;
  engine: Engine;
  clock: Clock;
  config: Config;
}
