import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCasePage } from '../../src/db/repositories/case-page-repository.js';
import { newId } from '../../src/domain/new-id.js';
import { createCase, createOrg } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// The case page's lists are in their SQL order although SQLite sorts them in JS (ADR 0019):
// rows are inserted against that order, so a list left in scan order comes out wrong.
let database: TestDatabase;
let caseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const org = await createOrg(db);
  caseId = (await createCase(db, { orgId: org.id })).id;
  // paid_on, then recorded_at for payments on the same day.
  const payments = [
    ['2026-03-05', '2026-03-06T10:00:00.000Z', 300],
    ['2026-01-10', '2026-01-10T10:00:00.000Z', 100],
    ['2026-03-05', '2026-03-05T10:00:00.000Z', 200],
  ] as const;
  for (const [paidOn, recordedAt, amount] of payments) {
    await db
      .insertInto('payments')
      .values({
        id: newId(),
        org_id: org.id,
        case_id: caseId,
        instalment_id: null,
        amount_minor: amount,
        currency: 'USD',
        amount_cny_minor: amount * 7,
        fx_rate: '7',
        paid_on: paidOn,
        recorded_by: null,
        recorded_at: recordedAt,
      })
      .execute();
  }
  for (const dueOn of ['2026-06-01', '2026-04-01', '2026-05-01']) {
    await db
      .insertInto('follow_ups')
      .values({
        id: newId(),
        org_id: org.id,
        case_id: caseId,
        due_on: dueOn,
        done_at: null,
        method: null,
        notes: null,
        satisfaction: null,
        recorded_by: null,
      })
      .execute();
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('case page lists', () => {
  it('come in their SQL order, ties broken by the second key', async () => {
    const page = await findCasePage(database.db, caseId);
    expect(page!.payments.map((p) => p.amount_minor)).toEqual([100, 200, 300]);
    expect(page!.followUps.map((f) => f.due_on)).toEqual([
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
  });
});
