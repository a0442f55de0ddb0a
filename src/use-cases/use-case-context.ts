import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../domain/clock.js';
import type { Database } from '../db/schema.js';

/** What every use case receives: the database (or a transaction), the clock and the config. */
export interface UseCaseContext {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
}
