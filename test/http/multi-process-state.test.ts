import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/use-cases/auth/sign-in.js';
import { intakePayload } from '../support/case-factories.js';
import { createOrg, createUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startServerProcess, type ServerProcess } from '../support/trust-server-process.js';

/**
 * Two app processes on one database, as `accord serve --workers 2` or two machines behind a
 * load balancer run them: nothing a request relies on may live in one process's memory.
 */
let database: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  // One after the other: each start migrates, and the second must find nothing left to do.
  const env = { ACCORD_LOG_LEVEL: 'warn', ACCORD_INTAKE_PER_IP_PER_HOUR: '3' };
  a = await startServerProcess(database, env);
  b = await startServerProcess(database, env);
}, 320_000);

afterAll(async () => {
  await a?.kill();
  await b?.kill();
  await database?.drop();
});

const login = (server: ServerProcess, email: string, password: string) =>
  fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('state shared by app processes through the database', () => {
  it('a session signed in on one process works on the other, and signing out ends it on both', async () => {
    const orgId = (await createOrg(database.db)).id;
    const user = await createUser(database.db, { orgId, role: 'mediator' });
    const r = await login(a, user.email, user.password);
    expect(r.status).toBe(200);
    const auth = { authorization: `Bearer ${((await r.json()) as { token: string }).token}` };

    const me = await fetch(`${b.url}/api/v1/me`, { headers: auth });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain(user.email);

    expect(
      (await fetch(`${b.url}/api/v1/auth/logout`, { method: 'POST', headers: auth })).status,
    ).toBeLessThan(300);
    expect((await fetch(`${a.url}/api/v1/me`, { headers: auth })).status).toBe(401);
  });

  it('sign-in failures count across processes: alternating them still locks the account', async () => {
    const orgId = (await createOrg(database.db)).id;
    const user = await createUser(database.db, { orgId, role: 'mediator' });
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      statuses.push((await login(i % 2 ? b : a, user.email, 'wrong-password-' + i)).status);
    }
    expect(statuses).toEqual(Array(MAX_FAILURES_PER_ACCOUNT).fill(401));
    // Each process saw fewer failures than the limit by itself; together they reached it, so
    // even the right password is refused now, on either process.
    expect((await login(b, user.email, user.password)).status).toBe(429);
    expect((await login(a, user.email, user.password)).status).toBe(429);
  });

  it('the anonymous intake limit per address counts applications on both processes', async () => {
    const orgId = (await createOrg(database.db)).id;
    const { slug: orgSlug } = await database.db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const apply = (server: ServerProcess) =>
      fetch(`${server.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(intakePayload({ orgSlug })),
      }).then((r) => r.status);
    expect([await apply(a), await apply(b), await apply(a)]).toEqual([201, 201, 201]);
    // Two were counted on a, one on b: neither reached 3 alone.
    expect(await apply(b)).toBe(429);
    expect(await apply(a)).toBe(429);
  });
});
