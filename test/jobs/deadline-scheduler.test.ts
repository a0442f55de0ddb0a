import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect-database.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/build-test-app.js';
import {
  createCase,
  createCourt,
  createCourtFiling,
  createMediator,
  createOrg,
  createUser,
} from '../support/factories.js';
import {
  createAgreementInEffect,
  createFollowUp,
  createInstalment,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../support/notification-factories.js';
import { fixedClock } from '../../src/domain/clock.js';
import { createSmtpSender } from '../../src/jobs/mail/create-mail-sender.js';
import { defaultWorkerOptions, drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import {
  reminderThreshold,
  scheduleDeadlineReminders,
} from '../../src/jobs/schedule-deadline-reminders.js';

let d: TestDatabase;
let smtp: TestSmtpServer;
beforeAll(async () => {
  d = await createTestDatabase();
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await d.drop();
});

const DAY = 86_400_000;
const reminderKeys = async (caseId: string) =>
  (
    await d.db
      .selectFrom('outbox')
      .select(['idempotency_key', 'payload_json'])
      .where('payload_json', 'like', `%${caseId}%`)
      .orderBy('created_at')
      .orderBy('idempotency_key')
      .execute()
  ).map((r) => r.idempotency_key.replace(`:${caseId}`, ':<case>'));

describe('reminder thresholds', () => {
  it('picks the tightest threshold reached, and overdue once passed', () => {
    const due = new Date('2026-04-01T00:00:00Z');
    const at = (iso: string) => reminderThreshold(due, new Date(iso), [7, 2]);
    expect(at('2026-03-20T00:00:00Z')).toBeUndefined();
    expect(at('2026-03-25T00:00:00Z')).toBe('7d');
    expect(at('2026-03-30T00:00:00Z')).toBe('2d');
    expect(at('2026-04-01T00:00:00Z')).toBe('overdue');
  });
});

describe(`deadline scheduler with an injected clock (${testEngine})`, () => {
  it('reminds about the mediation deadline at 7 and 2 days and when passed, once each, across restarts', async () => {
    const org = await createOrg(d.db);
    const due = '2026-04-01T02:00:00.000Z';
    const c = await createCase(d.db, { orgId: org.id, status: 'in_mediation' });
    await d.db.updateTable('cases').set({ mediation_due_at: due }).where('id', '=', c.id).execute();
    const clock = fixedClock('2026-03-20T00:00:00.000Z');
    const ctx = { db: d.db, clock, config: testConfig(d.dataDir) };

    await scheduleDeadlineReminders(ctx);
    expect(await reminderKeys(c.id)).toEqual([]);

    clock.set(new Date(Date.parse(due) - 6 * DAY).toISOString());
    await scheduleDeadlineReminders(ctx);
    await scheduleDeadlineReminders(ctx); // a second pass, as after a restart
    expect(await reminderKeys(c.id)).toEqual([
      'case_event:deadline.reminder:reminder:mediation_due:<case>:7d',
    ]);
    const [row] = await d.db
      .selectFrom('outbox')
      .select('payload_json')
      .where('idempotency_key', 'like', `%${c.id}:7d`)
      .execute();
    expect(JSON.parse(row!.payload_json).params).toMatchObject({
      kind: 'mediation_due',
      days: 6,
      dueOn: '2026-04-01',
      overdue: false,
    });

    clock.set(new Date(Date.parse(due) - 1 * DAY).toISOString());
    await scheduleDeadlineReminders(ctx);
    clock.set(new Date(Date.parse(due) + 1000).toISOString());
    await scheduleDeadlineReminders(ctx);
    await scheduleDeadlineReminders(ctx);
    expect(await reminderKeys(c.id)).toEqual([
      'case_event:deadline.reminder:reminder:mediation_due:<case>:7d',
      'case_event:deadline.reminder:reminder:mediation_due:<case>:2d',
      'case_event:deadline.reminder:reminder:mediation_due:<case>:overdue',
    ]);

    // A case that leaves mediation gets no more reminders.
    const done = await createCase(d.db, { orgId: org.id, status: 'agreed' });
    await d.db
      .updateTable('cases')
      .set({ mediation_due_at: due })
      .where('id', '=', done.id)
      .execute();
    await scheduleDeadlineReminders(ctx);
    expect(await reminderKeys(done.id)).toEqual([]);
  });

  it('reminds about the judicial-confirmation window at 10 and 3 days, unless a confirmation was filed', async () => {
    const org = await createOrg(d.db);
    const court = await createCourt(d.db, org.id);
    const open = await createCase(d.db, { orgId: org.id, status: 'performing' });
    const filed = await createCase(d.db, { orgId: org.id, status: 'performing' });
    const effectiveAt = '2026-03-01T08:00:00.000Z';
    const a = await createAgreementInEffect(d.db, { orgId: org.id, caseId: open.id, effectiveAt });
    await createAgreementInEffect(d.db, { orgId: org.id, caseId: filed.id, effectiveAt });
    await createCourtFiling(d.db, { orgId: org.id, caseId: filed.id, courtId: court.id });
    const clock = fixedClock('2026-03-15T00:00:00.000Z');
    const ctx = { db: d.db, clock, config: testConfig(d.dataDir) };
    const closes = Date.parse(effectiveAt) + 30 * DAY;
    for (const daysBefore of [15, 9, 9, 2, 0.5]) {
      clock.set(new Date(closes - daysBefore * DAY).toISOString());
      await scheduleDeadlineReminders(ctx);
    }
    const keys = (await reminderKeys(open.id)).filter((k) => k.includes('confirmation'));
    expect(keys).toEqual([
      `case_event:deadline.reminder:reminder:confirmation_window:${a.id}:10d`,
      `case_event:deadline.reminder:reminder:confirmation_window:${a.id}:3d`,
    ]);
    expect((await reminderKeys(filed.id)).filter((k) => k.includes('confirmation'))).toEqual([]);
  });

  it('flags a filing the court has not accepted after 3 days, instalments due soon and missed, and follow-ups', async () => {
    const org = await createOrg(d.db);
    const court = await createCourt(d.db, org.id);
    const c = await createCase(d.db, { orgId: org.id, status: 'performing' });
    const filing = await createCourtFiling(d.db, {
      orgId: org.id,
      caseId: c.id,
      courtId: court.id,
    });
    const a = await createAgreementInEffect(d.db, {
      orgId: org.id,
      caseId: c.id,
      effectiveAt: '2025-12-01T00:00:00.000Z',
    });
    const i1 = await createInstalment(d.db, {
      orgId: org.id,
      caseId: c.id,
      agreementId: a.id,
      seq: 1,
      dueOn: '2026-03-12',
    });
    const i2 = await createInstalment(d.db, {
      orgId: org.id,
      caseId: c.id,
      agreementId: a.id,
      seq: 2,
      dueOn: '2026-04-12',
    });
    const fu = await createFollowUp(d.db, { orgId: org.id, caseId: c.id, dueOn: '2026-03-11' });
    const clock = fixedClock('2026-03-10T00:00:00.000Z');
    const ctx = { db: d.db, clock, config: testConfig(d.dataDir) };
    await scheduleDeadlineReminders(ctx);
    clock.set('2026-03-13T00:00:00.000Z');
    await scheduleDeadlineReminders(ctx);
    await scheduleDeadlineReminders(ctx);
    const keys = await reminderKeys(c.id);
    expect(keys.sort()).toEqual(
      [
        `case_event:deadline.reminder:reminder:court_acceptance:${filing.id}:overdue`,
        `case_event:instalment.due_soon:reminder:instalment:${i1.id}:due_soon`,
        `case_event:instalment.missed:${i1.id}`,
        `case_event:follow_up.due:reminder:follow_up:${fu.id}:due`,
      ].sort(),
    );
    expect(keys.some((k) => k.includes(i2.id))).toBe(false);
  });

  it('runs markBreachedCases in the worker pass, and the missed notice goes out once', async () => {
    const org = await createOrg(d.db);
    const c = await createCase(d.db, { orgId: org.id, status: 'performing' });
    const a = await createAgreementInEffect(d.db, {
      orgId: org.id,
      caseId: c.id,
      effectiveAt: '2025-10-01T00:00:00.000Z',
    });
    const i = await createInstalment(d.db, {
      orgId: org.id,
      caseId: c.id,
      agreementId: a.id,
      seq: 1,
      dueOn: '2025-11-01',
    });
    const clock = fixedClock('2025-11-03T00:00:00.000Z');
    const ctx = { db: d.db, clock, config: testConfig(d.dataDir, { smtpUrl: smtp.url }) };
    const sender = createSmtpSender(smtp.url);
    try {
      // Two days late: the scheduler's missed notice; the case is not breached yet.
      await drainOutbox(ctx, sender, defaultWorkerOptions);
      const status = async () =>
        (
          await d.db
            .selectFrom('cases')
            .select('status')
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow()
        ).status;
      expect(await status()).toBe('performing');
      // Past the grace period: markBreachedCases breaches the case; its notice is the same row.
      clock.set('2025-11-20T00:00:00.000Z');
      await drainOutbox(ctx, sender, defaultWorkerOptions);
      expect(await status()).toBe('breached');
    } finally {
      sender.close();
    }
    const missed = (await reminderKeys(c.id)).filter((k) => k.includes('instalment.missed'));
    expect(missed).toEqual([`case_event:instalment.missed:${i.id}`]);
  });

  it('delivers the reminders to the responsible people', async () => {
    const org = await createOrg(d.db);
    const officer = await createUser(d.db, { orgId: org.id, role: 'officer', locale: 'ru' });
    const mUser = await createUser(d.db, { orgId: org.id, role: 'mediator', locale: 'fa' });
    const m = await createMediator(d.db, { orgId: org.id, userId: mUser.id });
    const c = await createCase(d.db, {
      orgId: org.id,
      status: 'in_mediation',
      teamMediatorIds: [m.id],
    });
    await d.db
      .updateTable('cases')
      .set({ mediation_due_at: '2026-03-03T00:00:00.000Z' })
      .where('id', '=', c.id)
      .execute();
    const clock = fixedClock('2026-03-01T00:00:00.000Z');
    const ctx = { db: d.db, clock, config: testConfig(d.dataDir, { smtpUrl: smtp.url }) };
    const sender = createSmtpSender(smtp.url);
    smtp.accepted.length = 0;
    await drainOutbox(ctx, sender, defaultWorkerOptions);
    sender.close();
    const mine = smtp.accepted.filter((x) =>
      [officer.email, mUser.email].includes((x.to as { text: string }).text),
    );
    expect(mine).toHaveLength(2);
    const ru = mine.find((x) => (x.to as { text: string }).text === officer.email)!;
    expect(ru.text).toContain('через 2 дня');
    const fa = mine.find((x) => (x.to as { text: string }).text === mUser.email)!;
    expect(fa.html).toContain('dir="rtl"');
    // No party hears of the internal mediation deadline.
    expect(smtp.accepted.filter((x) => (x.to as { text: string }).text.includes('party'))).toEqual(
      [],
    );
  });

  // Two workers claiming with FOR UPDATE SKIP LOCKED exist only on PostgreSQL; on SQLite the
  // test is not registered rather than reported skipped.
  if (testEngine === 'postgres')
    it('two concurrent workers on PostgreSQL schedule and deliver each reminder once', async () => {
      const org = await createOrg(d.db);
      const officer = await createUser(d.db, { orgId: org.id, role: 'officer', locale: 'en' });
      const cases: string[] = [];
      for (let i = 0; i < 12; i++) {
        const c = await createCase(d.db, { orgId: org.id, status: 'in_mediation' });
        await d.db
          .updateTable('cases')
          .set({ mediation_due_at: '2026-06-05T00:00:00.000Z' })
          .where('id', '=', c.id)
          .execute();
        cases.push(c.id);
      }
      const clock = fixedClock('2026-06-01T00:00:00.000Z');
      const config = testConfig(d.dataDir, { smtpUrl: smtp.url });
      const second = connectDatabase(d.target, { poolSize: 3 });
      const senders = [createSmtpSender(smtp.url), createSmtpSender(smtp.url)];
      smtp.accepted.length = 0;
      try {
        const opts = { ...defaultWorkerOptions, batchSize: 3 };
        const results = await Promise.all([
          drainOutbox({ db: d.db, clock, config }, senders[0]!, opts),
          drainOutbox({ db: second.db, clock, config }, senders[1]!, opts),
        ]);
        // Together the two workers did all of it (plus rows left by earlier tests).
        expect(results[0]!.done + results[1]!.done).toBeGreaterThanOrEqual(12);
      } finally {
        for (const s of senders) s.close();
        await second.close();
      }
      const toOfficer = smtp.accepted.filter(
        (x) => (x.to as { text: string }).text === officer.email,
      );
      expect(toOfficer).toHaveLength(12);
      expect(new Set(toOfficer.map((x) => x.messageId)).size).toBe(12);
      const sevenDay = await d.db
        .selectFrom('outbox')
        .select(['idempotency_key', 'status'])
        .where('idempotency_key', 'like', '%mediation_due%')
        .execute();
      const ours = sevenDay.filter((r) => cases.some((id) => r.idempotency_key.includes(id)));
      expect(ours).toHaveLength(12);
      expect(ours.every((r) => r.status === 'done')).toBe(true);
    });
});
