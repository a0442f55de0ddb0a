import cluster from 'node:cluster';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/load-config.js';
import { seedDemoCommittee } from '../seed/seed-demo-committee.js';
import { seedDemoHistory } from '../seed/seed-demo-history.js';
import { systemClock } from '../domain/clock.js';
import { openDocumentStore } from '../documents/store/open-document-store.js';
import { openDatabase } from './open-database.js';
import { startServer } from './start-server.js';

/**
 * `accord serve --workers N`: N stateless app processes share one port (Node's cluster
 * module, round-robin), plus one separate outbox-worker process. The primary migrates and
 * seeds once, before any process serves, so the children never race on schema changes.
 * Sessions and sign-in rate limits live in the database, so any process can serve any request.
 */
export async function serveCluster(config: Config, workers: number): Promise<void> {
  if (cluster.isPrimary) {
    // Checked once here: a child failing it would only be restarted, again and again.
    const store = openDocumentStore(config);
    await store.requireReachable();
    const handle = await openDatabase(config);
    if (config.demo) {
      await seedDemoCommittee(handle.db);
      await seedDemoHistory(handle.db, { now: systemClock.now(), store });
    }
    await handle.close();

    // App processes neither seed nor run the outbox worker; that is one process of its own.
    const childEnv = { ...process.env, ACCORD_DEMO: '0', ACCORD_WORKER: '0' };
    let stopping = false;
    const forkApp = () => cluster.fork(childEnv);
    for (let i = 0; i < workers; i++) forkApp();
    // One line once every app process accepts connections: operators and bench/scale.ts wait for it.
    let listening = 0;
    cluster.on('listening', (_w, address) => {
      if (++listening === workers) {
        console.log(`accord serve: ${workers} app processes listening on port ${address.port}`);
      }
    });
    cluster.on('exit', (w, code, signal) => {
      if (stopping) return;
      console.error(`app process ${w.process.pid} exited (${signal ?? code}); starting another`);
      forkApp();
    });

    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const outboxWorker = config.runWorker
      ? fork(main, ['worker'], {
          env: { ...process.env, ACCORD_DEMO: '0' },
          execArgv: process.execArgv,
        })
      : undefined;

    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      outboxWorker?.kill('SIGTERM');
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  await startServer(config);
}
