import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect-database.js';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import { createOrg } from '../support/factories.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { startServerProcess } from '../support/trust-server-process.js';

/**
 * Crash safety (issue 9, item 4): the real server as a child process takes concurrent
 * applications; it is SIGKILLed at a random moment; every application that was answered 201
 * must be in the database afterwards, whole (parties, audit row, outbox row), with the SQLite
 * file intact and the audit chain verifying. ACCORD_CRASH_TRIALS overrides the trial count.
 */
const trials = Number(process.env.ACCORD_CRASH_TRIALS ?? (testEngine === 'sqlite' ? 20 : 5));
const CONCURRENCY = 4;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await createOrg(database.db);
});
afterAll(async () => database.drop());

/** A small seeded generator, so a failing run can be repeated. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const application = (n: number) => ({
  category: 'payment',
  summary: `Unpaid invoice ${n}`,
  description: `Invoice ${n} for 300 cartons of toys is unpaid after delivery.`,
  claimedAmount: { amount: `${1000 + n}.00`, currency: 'USD' },
  source: 'application',
  parties: [
    {
      role: 'applicant',
      kind: 'person',
      name: `Crash Applicant ${n}`,
      country: 'NG',
      languages: ['en'],
      preferredLanguage: 'en',
      email: `crash${n}@test.example`,
    },
    {
      role: 'respondent',
      kind: 'organization',
      name: `义乌崩溃测试商行 ${n}`,
      country: 'CN',
      languages: ['zh'],
      preferredLanguage: 'zh',
      email: `seller${n}@test.example`,
    },
  ],
  consents: ['processing', 'cross_border'],
});

// Every application in this test comes from 127.0.0.1: the per-IP intake limit is turned off.
const serverEnv = { ACCORD_LOG_LEVEL: 'warn', ACCORD_INTAKE_PER_IP_PER_HOUR: '0' };

describe('crash safety', () => {
  it(
    `keeps every acknowledged application through ${trials} SIGKILLs`,
    async () => {
      const seed = 20261128;
      const random = seeded(seed);
      const acknowledged = new Map<string, string>();
      let requests = 0;
      let n = 0;

      for (let trial = 0; trial < trials; trial++) {
        const server = await startServerProcess(database, serverEnv);
        let stop = false;
        const client = async () => {
          while (!stop) {
            const k = ++n;
            requests++;
            try {
              const r = await fetch(`${server.url}/api/v1/cases`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(application(k)),
              });
              if (r.status === 201) {
                const body = (await r.json()) as { id: string; reference: string };
                acknowledged.set(body.id, body.reference);
              } else if (!stop) {
                throw new Error(`unexpected ${r.status}: ${await r.text()}`);
              }
            } catch (e) {
              // A request cut by the kill was never acknowledged; anything else is a failure.
              if (!stop) throw e;
            }
          }
        };
        const clients = Array.from({ length: CONCURRENCY }, client);
        await new Promise((r) => setTimeout(r, 300 + Math.floor(random() * 2000)));
        // Kill while requests are in flight; only then tell the clients to stop.
        stop = true;
        await server.kill();
        await Promise.all(clients);

        // A fresh connection, like the restarted server's, sees the state after recovery.
        const check = connectDatabase(database.target, { poolSize: 2 });
        try {
          if (check.sqlite) {
            expect(check.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
          }
          expect(await findAuditChainBreak(check.db)).toBeUndefined();
          const cases = await check.db.selectFrom('cases').select(['id', 'reference']).execute();
          const stored = new Map(cases.map((c) => [c.id, c.reference]));
          const lost = [...acknowledged].filter(([id, ref]) => stored.get(id) !== ref);
          expect(lost, `trial ${trial}: lost acknowledged writes`).toEqual([]);
          // Every committed case is whole: parties, its audit row and its outbox row.
          const { rows } = await sql<{ id: string; parties: number; audits: number; jobs: number }>`
            select c.id,
              (select count(*) from case_parties p where p.case_id = c.id) as parties,
              (select count(*) from audit_events a where a.case_id = c.id) as audits,
              (select count(*) from outbox o where o.payload_json like '%' || c.id || '%') as jobs
            from cases c`.execute(check.db);
          const partial = rows.filter(
            (r) => Number(r.parties) !== 2 || Number(r.audits) < 1 || Number(r.jobs) < 1,
          );
          expect(partial, `trial ${trial}: partially written cases`).toEqual([]);
        } finally {
          await check.close();
        }
      }

      // After the last crash the server starts again and serves.
      const restarted = await startServerProcess(database, serverEnv);
      expect((await fetch(`${restarted.url}/api/health`)).status).toBe(200);
      await restarted.kill();

      process.stdout.write(
        `crash safety (${testEngine}, seed ${seed}): trials ${trials}, requests ${requests}, ` +
          `acknowledged writes ${acknowledged.size}, lost writes 0\n`,
      );
      expect(acknowledged.size).toBeGreaterThan(0);
    },
    (trials + 1) * 180_000,
  );
});
