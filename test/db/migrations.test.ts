import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { migrateToLatest } from '../../src/db/migrate-to-latest.js';
import { migrations } from '../../src/db/migrations/index.js';

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
});

describe(`migrations on ${testEngine}`, () => {
  it('run from empty, then are a no-op the second time', async () => {
    const d = await createTestDatabase({ migrate: false });
    dbs.push(d);
    const first = await migrateToLatest(d.db);
    expect(first.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    const second = await migrateToLatest(d.db);
    expect(second).toEqual([]);
  });

  it('give every committee-data table an org_id column', async () => {
    const d = await createTestDatabase();
    dbs.push(d);
    const tables = await d.db.introspection.getTables();
    const referenceTables = new Set([
      'organizations',
      'users',
      'auth_sessions',
      // Sign-in links belong to an account, which may be a party in several committees.
      'sign_in_links',
      'webauthn_credentials',
      'webauthn_challenges',
      'login_failures',
      // Per-IP request counters: an IP is not an organisation's record.
      'rate_limit_events',
      'fx_rates',
      // Whole-country statistics roll-ups (ADR 0007): sums over every organisation, no case data.
      'stats_monthly',
      'stats_durations_monthly',
    ]);
    const missing = tables
      .filter((t) => !t.name.startsWith('kysely_') && !referenceTables.has(t.name))
      .filter((t) => !t.columns.some((c) => c.name === 'org_id'))
      .map((t) => t.name);
    expect(missing).toEqual([]);
  });

  it('store money as exact integers on both engines', async () => {
    const d = await createTestDatabase();
    dbs.push(d);
    await d.db
      .insertInto('fx_rates')
      .values({ currency: 'USD', on_date: '2026-01-01', cny_per_unit: '7.1234', source: 'test' })
      .execute();
    const big = 9_007_199_254_740; // > 2^32, well inside 2^53
    await sql`create table money_probe (v bigint not null)`.execute(d.db);
    await sql`insert into money_probe (v) values (${big})`.execute(d.db);
    const r = await sql<{ v: number }>`select v from money_probe`.execute(d.db);
    expect(r.rows[0]!.v).toBe(big);
  });
});
