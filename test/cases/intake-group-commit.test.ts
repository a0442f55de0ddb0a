import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import { fileApplication } from '../../src/use-cases/cases/file-applications.js';
import {
  prepareApplication,
  submitCase,
  type SubmitCaseInput,
} from '../../src/use-cases/cases/submit-case.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg } from '../support/factories.js';
import { intakePayload, orgSlugOf } from '../support/case-factories.js';
import { testEngine } from '../support/test-database.js';

// Applications to one committee that arrive together share transactions (file-applications.ts);
// each must still get its own number, audit link, invite and event, and a failing one must
// not take the others down with it.
let t: TestApp;
let orgId: string;
let orgSlug: string;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z', config: { intakePerIpPerHour: 0 } });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
});
afterAll(async () => t.close());

const ctx = () => ({ db: t.database.db, clock: t.clock, config: t.deps.config });
const apply = (n: number) =>
  submitCase(ctx(), {
    actor: null,
    input: intakePayload({ orgSlug, summary: `Application ${n}` }) as unknown as SubmitCaseInput,
    ip: '203.0.113.9',
  });

describe(`applications filed together (${testEngine})`, () => {
  it('numbers, chains and queues every one of many concurrent applications', async () => {
    const filed = await Promise.all(Array.from({ length: 12 }, (_, n) => apply(n)));
    const numbers = filed.map((f) => Number(/No\. (\d+)$/.exec(f.reference)?.[1]));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const db = t.database.db;
    const audit = await db
      .selectFrom('audit_events')
      .select('case_id')
      .where('org_id', '=', orgId)
      .where('action', '=', 'case.submit')
      .execute();
    expect(audit.map((a) => a.case_id).sort()).toEqual(filed.map((f) => f.id).sort());
    expect(await findAuditChainBreak(db, { orgId })).toBeUndefined();
    const outbox = await db
      .selectFrom('outbox')
      .select('payload_json')
      .where('org_id', '=', orgId)
      .execute();
    expect(outbox).toHaveLength(12);
    const invites = await db
      .selectFrom('party_invites')
      .select('case_id')
      .where('org_id', '=', orgId)
      .execute();
    expect(new Set(invites.map((i) => i.case_id)).size).toBe(12);
  });

  it('fails a bad application alone when it shares a transaction', async () => {
    const prepared = [];
    for (const n of [100, 101, 102]) {
      prepared.push(
        await prepareApplication(ctx(), {
          actor: null,
          input: intakePayload({
            orgSlug,
            summary: `Application ${n}`,
          }) as unknown as SubmitCaseInput,
        }),
      );
    }
    const bad = {
      orgId,
      year: prepared[0]!.year,
      complete: () => {
        throw new Error('cannot be completed');
      },
    };
    // Filed in one go: the first runs alone (it starts the queue), the other three arrive while
    // it runs and share the next transaction, which the bad one makes fail.
    const db = t.database.db;
    const results = await Promise.allSettled([
      fileApplication(db, prepared[0]!),
      fileApplication(db, prepared[1]!),
      fileApplication(db, bad),
      fileApplication(db, prepared[2]!),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await findAuditChainBreak(t.database.db, { orgId })).toBeUndefined();
    const cases = await t.database.db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', orgId)
      .execute();
    expect(cases).toHaveLength(15);
  });
});
