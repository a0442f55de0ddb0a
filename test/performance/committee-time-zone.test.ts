import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/build-test-app.js';
import { createCase, createOrg } from '../support/factories.js';
import { createAgreementInEffect, createInstalment } from '../support/notification-factories.js';
import { fixedClock } from '../../src/domain/clock.js';
import { markBreachedCases } from '../../src/use-cases/performance/mark-breached-cases.js';
import { scheduleDeadlineReminders } from '../../src/jobs/schedule-deadline-reminders.js';
import type { UseCaseContext } from '../../src/use-cases/use-case-context.js';

/**
 * Due dates are calendar days of the committee, in its organisation's time zone: Yiwu's day
 * starts at 16:00 UTC, Los Angeles' (daylight time in March) at 07:00 UTC. Each boundary is
 * checked one second before and at the committee's midnight.
 */
let d: TestDatabase;
let yiwu: string;
let losAngeles: string;
beforeAll(async () => {
  d = await createTestDatabase();
  yiwu = (await createOrg(d.db)).id; // organisations default to Asia/Shanghai
  losAngeles = (await createOrg(d.db)).id;
  await d.db
    .updateTable('organizations')
    .set({ time_zone: 'America/Los_Angeles' })
    .where('id', '=', losAngeles)
    .execute();
});
afterAll(async () => d.drop());

const at = (iso: string): UseCaseContext => ({
  db: d.db,
  clock: fixedClock(iso),
  config: testConfig(d.dataDir),
});

async function performingCaseWithInstalment(orgId: string, dueOn: string) {
  const c = await createCase(d.db, { orgId, status: 'performing' });
  const a = await createAgreementInEffect(d.db, {
    orgId,
    caseId: c.id,
    effectiveAt: '2026-02-01T02:00:00.000Z',
  });
  const i = await createInstalment(d.db, {
    orgId,
    caseId: c.id,
    agreementId: a.id,
    seq: 1,
    dueOn,
  });
  return { caseId: c.id, instalmentId: i.id };
}

const statusOf = async (caseId: string) =>
  (
    await d.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).status;

describe('the committee’s calendar day', () => {
  it('breaches a case when the grace period ends at the committee’s midnight, not UTC’s', async () => {
    // Due 1 March; 15 days' grace: the case is breached from 17 March, local time.
    const sh = await performingCaseWithInstalment(yiwu, '2026-03-01');
    const la = await performingCaseWithInstalment(losAngeles, '2026-03-01');

    let r = await markBreachedCases(at('2026-03-16T15:59:59.000Z'));
    expect(r.breachedCaseIds).toEqual([]);

    r = await markBreachedCases(at('2026-03-16T16:00:00.000Z')); // 00:00 on 17 March in Yiwu
    expect(r.breachedCaseIds).toEqual([sh.caseId]);
    expect(await statusOf(la.caseId)).toBe('performing');
    const audit = await d.db
      .selectFrom('audit_events')
      .select('summary_json')
      .where('case_id', '=', sh.caseId)
      .where('action', '=', 'case.breach')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary_json)).toMatchObject({
      graceDays: 15,
      committeeToday: '2026-03-17',
    });

    r = await markBreachedCases(at('2026-03-17T06:59:59.000Z')); // 23:59:59 on 16 March in LA
    expect(r.breachedCaseIds).toEqual([]);
    r = await markBreachedCases(at('2026-03-17T07:00:00.000Z'));
    expect(r.breachedCaseIds).toEqual([la.caseId]);
  });

  it('calls an instalment missed from the committee’s next day', async () => {
    const sh = await performingCaseWithInstalment(yiwu, '2026-04-05');
    const la = await performingCaseWithInstalment(losAngeles, '2026-04-05');
    const keys = async () =>
      (await d.db.selectFrom('outbox').select('idempotency_key').execute()).map(
        (o) => o.idempotency_key,
      );

    // 23:59 on 5 April in Yiwu: due today, not missed.
    await scheduleDeadlineReminders(at('2026-04-05T15:59:00.000Z'));
    let k = await keys();
    expect(k).toContain(
      `case_event:instalment.due_soon:reminder:instalment:${sh.instalmentId}:due_soon`,
    );
    expect(k).not.toContain(`case_event:instalment.missed:${sh.instalmentId}`);

    // Midnight in Yiwu (still 5 April in UTC and in Los Angeles).
    await scheduleDeadlineReminders(at('2026-04-05T16:00:00.000Z'));
    k = await keys();
    expect(k).toContain(`case_event:instalment.missed:${sh.instalmentId}`);
    expect(k).not.toContain(`case_event:instalment.missed:${la.instalmentId}`);
    expect(k).toContain(
      `case_event:instalment.due_soon:reminder:instalment:${la.instalmentId}:due_soon`,
    );

    await scheduleDeadlineReminders(at('2026-04-06T07:00:00.000Z')); // midnight in LA
    expect(await keys()).toContain(`case_event:instalment.missed:${la.instalmentId}`);
  });

  it('does not remind of an instalment earlier than three committee days ahead', async () => {
    const sh = await performingCaseWithInstalment(yiwu, '2026-05-10');
    const key = `case_event:instalment.due_soon:reminder:instalment:${sh.instalmentId}:due_soon`;
    const has = async () =>
      (await d.db.selectFrom('outbox').select('id').where('idempotency_key', '=', key).execute())
        .length > 0;
    // 23:59 on 6 May in Yiwu: four days ahead. Already 7 May in UTC+14, which must not count.
    await scheduleDeadlineReminders(at('2026-05-06T15:59:00.000Z'));
    expect(await has()).toBe(false);
    await scheduleDeadlineReminders(at('2026-05-06T16:00:00.000Z'));
    expect(await has()).toBe(true);
  });
});
