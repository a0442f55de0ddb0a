import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCase, createOrg, createUser } from '../support/factories.js';
import { bearerFor } from '../support/case-factories.js';
import { testEngine } from '../support/test-database.js';

/**
 * Issue #9 point 5: two officers act on the same case at the same moment, over real sockets
 * against a listening server. Optimistic concurrency must let exactly one through and answer
 * the other 409, and the record must show one transition and one audit row, never two.
 * On SQLite the writes serialise on the single write lock; the race between the two requests'
 * reads and writes is still real (both read version 1 before either commits), so it runs on both.
 */
const ROUNDS = 20;

let t: TestApp;
let base: string;
let orgId: string;
let officerA: Record<string, string>;
let officerB: Record<string, string>;
// One kept-alive socket per officer, so the two requests travel on two sockets and arrive together.
const agentA = new Agent({ keepAlive: true, maxSockets: 1 });
const agentB = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no listening address');
  base = `http://127.0.0.1:${address.port}`;
  orgId = (await createOrg(t.database.db)).id;
  officerA = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
  officerB = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
});
afterAll(async () => {
  agentA.destroy();
  agentB.destroy();
  await t.close();
});

function send(
  agent: Agent,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; body: { status?: string; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString()),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const decide = (
  agent: Agent,
  headers: Record<string, string>,
  caseId: string,
  action: 'accept' | 'reject',
) =>
  send(
    agent,
    'POST',
    `/api/v1/cases/${caseId}/${action}`,
    headers,
    JSON.stringify({ version: 1, reason: `parallel ${action}` }),
  );

describe(`parallel officers on one case (${testEngine})`, () => {
  it(`lets exactly one of two simultaneous decisions through, ${ROUNDS} rounds`, async () => {
    // Warm both sockets so connection set-up does not stagger the racing requests.
    await Promise.all([send(agentA, 'GET', '/api/health'), send(agentB, 'GET', '/api/health')]);
    const tally = {
      ok: 0,
      conflict: 0,
      acceptWins: 0,
      rejectWins: 0,
      codes: {} as Record<string, number>,
    };
    for (let round = 0; round < ROUNDS; round++) {
      const { id: caseId } = await createCase(t.database.db, { orgId, status: 'submitted' });
      // Even rounds race accept against reject, odd rounds the same action twice.
      const actionB = round % 2 === 0 ? 'reject' : 'accept';
      // Alternate which request leaves first, so neither side always wins by position.
      const first = round % 4 < 2 ? 'A' : 'B';
      const fireA = () => decide(agentA, officerA, caseId, 'accept');
      const fireB = () => decide(agentB, officerB, caseId, actionB);
      const [a, b] =
        first === 'A'
          ? await Promise.all([fireA(), fireB()])
          : await Promise.all([fireB(), fireA()]).then(([y, x]) => [x, y] as const);
      const statuses = [a.status, b.status].sort();
      expect(statuses, `round ${round}: ${JSON.stringify([a, b])}`).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(loser.body.error!.code);
      tally.codes[loser.body.error!.code] = (tally.codes[loser.body.error!.code] ?? 0) + 1;
      tally.ok++;
      tally.conflict++;
      const winner = a.status === 200 ? a : b;
      if (winner.body.status === 'rejected') tally.rejectWins++;
      else tally.acceptWins++;

      const row = await t.database.db
        .selectFrom('cases')
        .select(['status', 'version'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(row.version).toBe(2);
      expect(row.status).toBe(winner.body.status);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['action'])
        .where('case_id', '=', caseId)
        .execute();
      expect(audit.map((e) => e.action)).toEqual([
        winner.body.status === 'rejected' ? 'case.reject' : 'case.accept',
      ]);
    }
    process.stdout.write(
      `[parallel-conflict] ${testEngine}: ${ROUNDS} rounds, ${tally.ok} × 2xx, ${tally.conflict} × 409, ` +
        `winners accept=${tally.acceptWins} reject=${tally.rejectWins}, 409 codes ${JSON.stringify(tally.codes)}, ` +
        `1 transition + 1 audit row per round\n`,
    );
  });
});
