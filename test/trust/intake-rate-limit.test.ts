import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { connectDatabase } from '../../src/db/connect-database.js';
import { buildApp, type AppInstance } from '../../src/http/build-app.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { bearerFor, intakePayload, orgSlugOf } from '../support/case-factories.js';

const LIMIT = 3;
let t: TestApp;
let orgSlug: string;
let orgId: string;
beforeAll(async () => {
  t = await buildTestApp({ config: { intakePerIpPerHour: LIMIT } });
  orgId = (await createOrg(t.database.db)).id;
  orgSlug = await orgSlugOf(t, orgId);
});
afterAll(async () => t.close());

const apply = (
  app: AppInstance,
  ip: string,
  opts: { headers?: Record<string, string>; source?: string } = {},
) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    remoteAddress: ip,
    headers: opts.headers,
    payload: intakePayload({ orgSlug, ...(opts.source ? { source: opts.source } : {}) }),
  });

const caseCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('per-IP limit on anonymous applications', () => {
  it('answers 429 RATE_LIMITED after the hourly allowance, writing nothing, per address', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < LIMIT; i++) expect((await apply(t.app, ip)).statusCode).toBe(201);
    const before = await caseCount();
    const refused = await apply(t.app, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message).toMatch(/60 minutes/);
    expect(await caseCount()).toBe(before);
    // Another address has its own allowance.
    expect((await apply(t.app, '198.51.100.20')).statusCode).toBe(201);
    // The address is not stored as such.
    const scopes = await t.database.db.selectFrom('rate_limit_events').select('scope').execute();
    expect(scopes.some((s) => s.scope.includes('203.0.113.7'))).toBe(false);
  });

  it('does not limit officers entering cases, even from a limited address', async () => {
    const ip = '203.0.113.7';
    expect((await apply(t.app, ip)).statusCode).toBe(429);
    const officer = await createUser(t.database.db, { orgId, role: 'officer' });
    const headers = await bearerFor(t, officer);
    for (let i = 0; i < LIMIT + 2; i++) {
      const r = await apply(t.app, ip, {
        headers,
        source: i % 2 ? 'own_initiative' : 'application',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });

  it('counts in the database, so two app processes share one allowance', async () => {
    // A second app with its own connection pool to the same database, as a second process has.
    const second = connectDatabase(t.database.target, { poolSize: 2 });
    const app2 = await buildApp(
      { db: second.db, engine: second.engine, clock: t.clock, config: t.deps.config },
      { logger: false },
    );
    try {
      const ip = '192.0.2.44';
      expect((await apply(t.app, ip)).statusCode).toBe(201);
      expect((await apply(app2, ip)).statusCode).toBe(201);
      expect((await apply(t.app, ip)).statusCode).toBe(201);
      expect((await apply(app2, ip)).statusCode).toBe(429);
      expect((await apply(t.app, ip)).statusCode).toBe(429);
    } finally {
      await app2.close();
      await second.close();
    }
  });

  it('frees the allowance as the hour passes, and says how many minutes to wait', async () => {
    const ip = '192.0.2.99';
    const start = t.clock.now().toISOString();
    try {
      expect((await apply(t.app, ip)).statusCode).toBe(201);
      t.clock.advanceMs(20 * 60_000);
      expect((await apply(t.app, ip)).statusCode).toBe(201);
      expect((await apply(t.app, ip)).statusCode).toBe(201);
      const wait = await apply(t.app, ip);
      expect(wait.statusCode).toBe(429);
      // The first of the three leaves the window 40 minutes from now.
      expect(wait.json().error.message).toMatch(/40 minutes/);
      t.clock.advanceMs(40 * 60_000 + 1000);
      expect((await apply(t.app, ip)).statusCode).toBe(201);
      expect((await apply(t.app, ip)).statusCode).toBe(429);
      // Events older than the window are dropped, so the table holds one hour of traffic.
      const old = await t.database.db
        .selectFrom('rate_limit_events')
        .select('id')
        .where('created_at', '<=', new Date(t.clock.now().getTime() - 3_600_000).toISOString())
        .execute();
      expect(old).toEqual([]);
    } finally {
      t.clock.set(start);
    }
  });
});

describe('ACCORD_INTAKE_PER_IP_PER_HOUR', () => {
  const base = { ACCORD_DATA_DIR: '/tmp', ACCORD_SECRET: 'x'.repeat(40) };
  it('defaults to 20 an hour, 0 turns the limit off, nonsense is refused', () => {
    expect(loadConfig(base).intakePerIpPerHour).toBe(20);
    expect(loadConfig({ ...base, ACCORD_INTAKE_PER_IP_PER_HOUR: '0' }).intakePerIpPerHour).toBe(0);
    expect(() => loadConfig({ ...base, ACCORD_INTAKE_PER_IP_PER_HOUR: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ACCORD_INTAKE_PER_IP_PER_HOUR: 'many' })).toThrow(
      ConfigError,
    );
  });

  it('0 lets any number of applications through', async () => {
    const open = await buildTestApp({ config: { intakePerIpPerHour: 0 } });
    try {
      const org = await createOrg(open.database.db);
      const slug = await orgSlugOf(open, org.id);
      for (let i = 0; i < 25; i++) {
        const r = await open.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          remoteAddress: '203.0.113.50',
          payload: intakePayload({ orgSlug: slug }),
        });
        expect(r.statusCode).toBe(201);
      }
    } finally {
      await open.close();
    }
  });
});
