import type { Config } from '../config/load-config.js';
import { systemClock } from '../domain/clock.js';
import { buildApp } from '../http/build-app.js';
import { warmDocumentEngine } from '../documents/render-typst-document.js';
import { openDocumentStore } from '../documents/store/open-document-store.js';
import { seedDemoCommittee } from '../seed/seed-demo-committee.js';
import { seedDemoHistory } from '../seed/seed-demo-history.js';
import { openDatabase } from './open-database.js';
import { createMailSender } from '../jobs/mail/create-mail-sender.js';
import { startOutboxWorker } from '../jobs/run-outbox-worker.js';

/** `accord start`: migrate, seed the demo if asked, serve HTTP, and shut down gracefully. */
export async function startServer(config: Config): Promise<void> {
  // Before anything else: a misconfigured bucket should stop start-up, not the first upload.
  const store = openDocumentStore(config);
  await store.requireReachable();
  const handle = await openDatabase(config);
  if (config.demo) {
    await seedDemoCommittee(handle.db);
    // Only fills a demo committee that has no cases yet.
    await seedDemoHistory(handle.db, { now: systemClock.now(), store });
  }
  const deps = { db: handle.db, engine: handle.engine, clock: systemClock, config };
  const app = await buildApp(deps);
  // Load the PDF fonts now, so the first document a user asks for does not wait for them.
  warmDocumentEngine();
  // Single-machine default: the outbox worker runs in this process (ACCORD_WORKER=0 turns it off
  // when `accord worker` runs separately).
  const worker = config.runWorker
    ? startOutboxWorker(
        deps,
        createMailSender(config, () => systemClock.now()),
        undefined,
        app.log,
      )
    : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stops accepting connections, waits for in-flight requests, then runs onClose hooks.
    await app.close();
    await worker?.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    {
      engine: handle.engine,
      dataDir: config.dataDir,
      documents: store.location,
      url: config.publicUrl,
    },
    'Accord is serving',
  );
}
