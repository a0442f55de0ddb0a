import pino from 'pino';
import type { Config } from '../config/load-config.js';
import { connectDatabase } from '../db/connect-database.js';
import { migrateToLatest } from '../db/migrate-to-latest.js';
import { systemClock } from '../domain/clock.js';
import { createMailSender } from './mail/create-mail-sender.js';
import {
  defaultWorkerOptions,
  drainOutbox,
  startOutboxWorker,
  type WorkerOptions,
} from './run-outbox-worker.js';

/**
 * `accord worker`: the outbox worker as its own process. Several may run against one
 * PostgreSQL database; on SQLite run one. SIGTERM finishes the batch in hand, then exits.
 */
export async function runWorkerProcess(
  config: Config,
  o: { once?: boolean; pollMs?: number; leaseSeconds?: number },
): Promise<void> {
  const log = pino({ level: config.logLevel, name: 'accord-worker' });
  const handle = connectDatabase(config.database);
  await migrateToLatest(handle.db);
  const ctx = { db: handle.db, clock: systemClock, config };
  const sender = createMailSender(config, () => systemClock.now());
  const opts: WorkerOptions = {
    ...defaultWorkerOptions,
    ...(o.pollMs ? { pollMs: o.pollMs } : {}),
    ...(o.leaseSeconds ? { leaseMs: o.leaseSeconds * 1000 } : {}),
  };
  if (o.once) {
    const r = await drainOutbox(ctx, sender, opts, log);
    sender.close();
    await handle.close();
    log.info(r, 'outbox drained');
    return;
  }
  const worker = startOutboxWorker(ctx, sender, opts, log);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await worker.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}
