import type { Config } from '../config/load-config.js';
import { connectDatabase, type DatabaseHandle } from '../db/connect-database.js';
import { migrateToLatest } from '../db/migrate-to-latest.js';

/** Connects to the configured database and brings its schema up to date. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = connectDatabase(config.database);
  await migrateToLatest(handle.db);
  return handle;
}
