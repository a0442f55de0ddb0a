// A server process for the HTTP benchmarks: the real app plus "bare" comparison routes on the
// same Fastify instance (same plugins, hooks, logger and process), so that the ratio isolates
// what Accord itself costs. Prints `READY <port> <json>` on stdout when listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/load-config.js';
import { systemClock } from '../src/domain/clock.js';
import { buildApp } from '../src/http/build-app.js';
import { openDatabase } from '../src/cli/open-database.js';
import { seedDemoCommittee } from '../src/seed/seed-demo-committee.js';
import { seedDemoHistory } from '../src/seed/seed-demo-history.js';

const dataDir = process.env.ACCORD_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'accord-bench-'));
const config = loadConfig({
  ...process.env,
  ACCORD_DATA_DIR: dataDir,
  ACCORD_LOG_LEVEL: 'silent',
  ACCORD_WORKER: '0',
});
const handle = await openDatabase(config);
await seedDemoCommittee(handle.db);
await seedDemoHistory(handle.db, { now: systemClock.now() });
const app = await buildApp(
  { db: handle.db, engine: handle.engine, clock: systemClock, config },
  { logger: false },
);

let bareBody = '{}';
app.get('/bench/bare-read', { config: { public: true } }, async (_req, reply) =>
  reply.type('application/json; charset=utf-8').send(bareBody),
);
app.post('/bench/bare-set-body', { config: { public: true } }, async (req) => {
  bareBody = JSON.stringify(req.body);
  return { size: bareBody.length };
});

// One raw INSERT of a row the size of an application, through the same driver, no ORM.
await sql`create table if not exists bench_raw_rows (id text primary key, body text not null)`.execute(
  handle.db,
);
let seq = 0;
const insertRaw = handle.sqlite
  ? (() => {
      const stmt = handle.sqlite.prepare('insert into bench_raw_rows (id, body) values (?, ?)');
      return async (body: string) => void stmt.run(`${process.pid}-${++seq}`, body);
    })()
  : async (body: string) => {
      await handle.pool!.query('insert into bench_raw_rows (id, body) values ($1, $2)', [
        `${process.pid}-${++seq}`,
        body,
      ]);
    };
app.post('/bench/bare-insert', { config: { public: true } }, async (req) => {
  await insertRaw(JSON.stringify(req.body));
  return { ok: true };
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(`READY ${port} ${JSON.stringify({ engine: handle.engine })}`);
process.on('SIGTERM', async () => {
  await app.close();
  await handle.close();
  process.exit(0);
});
