import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findRollupMismatches } from '../../src/db/repositories/stats-raw-repository.js';
import { generateSyntheticHistory } from '../../src/seed/generate-synthetic-history.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// The bulk loader switches the statistics triggers off per batch and adds the batch's
// roll-up contributions itself; these tests prove the result is what the triggers would give,
// and that triggers and indexes are all back afterwards.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function indexNames(): Promise<string[]> {
  const r =
    t.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index'
          and tbl_name in ('cases', 'payments') order by name`.execute(t.db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename in ('cases', 'payments') order by indexname`.execute(t.db);
  return r.rows.map((x) => x.name);
}

async function triggerNames(): Promise<string[]> {
  const r =
    t.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'
          order by name`.execute(t.db)
      : await sql<{ name: string }>`select tgname as name from pg_trigger
          where not tgisinternal and tgenabled <> 'D' order by tgname`.execute(t.db);
  return r.rows.map((x) => x.name);
}

describe('accord generate: bulk-loaded synthetic history', () => {
  it('keeps every roll-up equal to a recomputation from the raw rows, over several batches', async () => {
    const indexesBefore = await indexNames();
    const triggersBefore = await triggerNames();
    const messages: string[] = [];
    const now = new Date('2026-11-28T00:00:00Z');
    const r = await generateSyntheticHistory(t, {
      cases: 2_500,
      orgs: 4,
      seed: 7,
      now,
      batch: 1_000,
      onIndexes: (m) => messages.push(m),
    });
    expect(r.cases).toBe(2_500);
    expect(r.payments).toBeGreaterThan(1_000);
    const counted = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(2_500);
    expect(await findRollupMismatches(t.db)).toEqual([]);
    // The table was empty: secondary indexes were dropped for the load and are all back.
    expect(messages.some((m) => m.startsWith('dropped'))).toBe(true);
    expect(await indexNames()).toEqual(indexesBefore);
    expect(await triggerNames()).toEqual(triggersBefore);
    expect(triggersBefore.some((n) => n.startsWith('stats_'))).toBe(true);

    // A second load into a non-empty table keeps its indexes and still adds up.
    const more: string[] = [];
    await generateSyntheticHistory(t, {
      cases: 700,
      orgs: 2,
      seed: 8,
      now,
      batch: 300,
      onIndexes: (m) => more.push(m),
    });
    expect(more).toEqual([]);
    expect(await findRollupMismatches(t.db)).toEqual([]);
  });

  it('leaves the statistics triggers firing for ordinary writes after a load', async () => {
    const c = await t.db
      .selectFrom('cases')
      .select(['id', 'org_id'])
      .where('status', '=', 'in_mediation')
      .limit(1)
      .executeTakeFirstOrThrow();
    const before = await t.db
      .selectFrom('stats_status')
      .select('n')
      .where('org_id', '=', c.org_id)
      .where('status', '=', 'withdrawn')
      .executeTakeFirst();
    await t.db
      .updateTable('cases')
      .set({ status: 'withdrawn', outcome: 'withdrawn', concluded_at: '2026-11-20T00:00:00.000Z' })
      .where('id', '=', c.id)
      .execute();
    const after = await t.db
      .selectFrom('stats_status')
      .select('n')
      .where('org_id', '=', c.org_id)
      .where('status', '=', 'withdrawn')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before?.n ?? 0) + 1);
    expect(await findRollupMismatches(t.db)).toEqual([]);
  });

  it('gives every case a searchable bilingual summary', async () => {
    const row = await t.db
      .selectFrom('cases')
      .select(['summary', 'search_text'])
      .where('search_text', 'like', '%textiles%')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.summary).toContain('纺织品');
    expect(row.search_text).toContain('纺织品');
  });
});
