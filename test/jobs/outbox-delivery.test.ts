import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/build-test-app.js';
import { createCase, createMediator, createOrg, createUser } from '../support/factories.js';
import {
  createSession,
  queueCaseEvent,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../support/notification-factories.js';
import { fixedClock } from '../../src/domain/clock.js';
import { newId } from '../../src/domain/new-id.js';
import { createSmtpSender, type MailSender } from '../../src/jobs/mail/create-mail-sender.js';
import {
  defaultWorkerOptions,
  drainOutbox,
  processOutboxBatch,
  type WorkerOptions,
} from '../../src/jobs/run-outbox-worker.js';
import type { UseCaseContext } from '../../src/use-cases/use-case-context.js';

let d: TestDatabase;
let smtp: TestSmtpServer;
let sender: MailSender;
let ctx: UseCaseContext;
const clock = fixedClock('2026-03-01T00:00:00.000Z');
const opts: WorkerOptions = { ...defaultWorkerOptions, backoffBaseMs: 60_000, maxAttempts: 3 };

beforeAll(async () => {
  d = await createTestDatabase();
  smtp = await startTestSmtpServer();
  // Generous timeouts: the loopback server shares a busy machine. The hang test uses its own.
  sender = createSmtpSender(smtp.url, {
    connectionMs: 15_000,
    greetingMs: 15_000,
    socketMs: 15_000,
  });
  ctx = {
    db: d.db,
    clock,
    config: testConfig(d.dataDir, { smtpUrl: smtp.url, publicUrl: 'https://accord.test' }),
  };
});
afterAll(async () => {
  sender.close();
  await smtp.close();
  await d.drop();
});
beforeEach(() => {
  smtp.accepted.length = 0;
  smtp.behaviour = 'accept';
  smtp.rejectRecipients.clear();
});

async function fixture() {
  const org = await createOrg(d.db, { name: '义乌市涉外纠纷人民调解委员会' });
  const officer = await createUser(d.db, { orgId: org.id, role: 'officer', locale: 'zh-CN' });
  const mediatorUser = await createUser(d.db, { orgId: org.id, role: 'mediator', locale: 'en' });
  const mediator = await createMediator(d.db, { orgId: org.id, userId: mediatorUser.id });
  const c = await createCase(d.db, {
    orgId: org.id,
    status: 'in_mediation',
    teamMediatorIds: [mediator.id],
    parties: [
      {
        role: 'applicant',
        name: 'Ahmed Secretname',
        country: 'EG',
        languages: ['ar'],
        preferredLanguage: 'ar',
        email: `ahmed-${org.id.slice(0, 6)}@buyer.test`,
      },
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌秘密商行',
        country: 'CN',
        languages: ['zh'],
        preferredLanguage: 'zh',
        email: `shop-${org.id.slice(0, 6)}@seller.test`,
      },
    ],
  });
  const [applicantId, respondentId] = c.partyIds as [string, string];
  return { org, officer, mediatorUser, mediator, c, applicantId, respondentId };
}

const to = (m: { to?: unknown }) => {
  const t = m.to as { value: { address?: string }[] } | undefined;
  return t?.value[0]?.address ?? '';
};

describe(`outbox delivery over SMTP (${testEngine})`, () => {
  it('sends the receipt in Arabic, right to left, with the follow link and no names in the subject', async () => {
    const f = await fixture();
    await queueCaseEvent(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      event: 'case.submitted',
      params: {
        reference: 'x',
        [`inviteToken_${f.applicantId}`]: 'tok_abcdefghijklmnopqrstuvwxyz',
      },
    });
    const r = await drainOutbox(ctx, sender, opts);
    const rows = await d.db.selectFrom('outbox').select(['status', 'last_error']).execute();
    expect(r.done, JSON.stringify(rows)).toBe(1);

    const applicantMail = smtp.accepted.filter((m) => to(m).startsWith('ahmed-'));
    expect(applicantMail).toHaveLength(1);
    const m = applicantMail[0]!;
    expect(m.subject).toContain('تم استلام الطلب');
    expect(m.subject).not.toContain('Ahmed');
    expect(m.subject).not.toMatch(/\d{3,}\.\d{2}|USD/);
    expect(m.html).toContain('dir="rtl"');
    expect(m.html).toContain('lang="ar"');
    expect(m.text).toContain('https://accord.test/follow/tok_abcdefghijklmnopqrstuvwxyz');
    expect(m.headers.get('content-language')).toBe('ar');
    // The respondent is not an applicant: no receipt.
    expect(smtp.accepted.some((x) => to(x).startsWith('shop-'))).toBe(false);
    // The officer gets the staff notice in Chinese, left to right, and an in-app notification.
    const officerMail = smtp.accepted.filter((x) => to(x) === f.officer.email);
    expect(officerMail).toHaveLength(1);
    expect(officerMail[0]!.subject).toContain('新的申请');
    expect(officerMail[0]!.html).toContain('dir="ltr"');
    expect(officerMail[0]!.text).toContain(`https://accord.test/cases/${f.c.id}`);
    const notes = await d.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', f.officer.id)
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(['case.submitted.staff']);
    expect(notes[0]!.params_json).not.toContain('tok_');

    // Draining again delivers nothing new.
    const before = smtp.accepted.length;
    await drainOutbox(ctx, sender, opts);
    expect(smtp.accepted.length).toBe(before);
  });

  it('attaches an ICS invite in UTC with the room, and a METHOD:CANCEL when cancelled', async () => {
    const f = await fixture();
    const s = await createSession(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      startsAt: '2026-03-10T06:30:00.000Z',
    });
    await queueCaseEvent(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      event: 'session.scheduled',
      params: { sessionId: s.id },
    });
    await drainOutbox(ctx, sender, opts);
    // Both parties and the mediator; the officer is not on the session audience.
    expect(smtp.accepted.map(to).sort()).toEqual(
      [
        `ahmed-${f.org.id.slice(0, 6)}@buyer.test`,
        `shop-${f.org.id.slice(0, 6)}@seller.test`,
        f.mediatorUser.email,
      ].sort(),
    );
    for (const m of smtp.accepted) {
      const ics = m.attachments.find((a) => a.filename === 'invite.ics');
      expect(ics, 'invite.ics attached').toBeDefined();
      const body = ics!.content.toString('utf8');
      expect(body).toContain('METHOD:REQUEST');
      expect(body).toContain('DTSTART:20260310T063000Z');
      expect(body).toContain('LOCATION:Room 3\\, Yiwu Mediation Centre');
      expect(body).toContain(`UID:session-${s.id}@accord`);
      expect(body).toContain('STATUS:CONFIRMED');
    }
    const chinese = smtp.accepted.find((m) => to(m).startsWith('shop-'))!;
    expect(chinese.text).toContain('时间：');
    expect(chinese.text).toContain('14:30');

    smtp.accepted.length = 0;
    await d.db
      .updateTable('mediation_sessions')
      .set({ status: 'cancelled', updated_at: '2026-03-02T00:00:00.000Z' })
      .where('id', '=', s.id)
      .execute();
    await queueCaseEvent(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      event: 'session.cancelled',
      params: { sessionId: s.id },
    });
    await drainOutbox(ctx, sender, opts);
    expect(smtp.accepted).toHaveLength(3);
    const body = smtp.accepted[0]!.attachments[0]!.content.toString('utf8');
    expect(body).toContain('METHOD:CANCEL');
    expect(body).toContain('STATUS:CANCELLED');
    expect(body).toMatch(/SEQUENCE:[1-9]\d*/);
  });

  for (const behaviour of ['refuse', 'hang', 'drop'] as const) {
    it(`retries later when the SMTP server ${behaviour}s, loses nothing and leaves the case alone`, async () => {
      const f = await fixture();
      const caseBefore = await d.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', f.c.id)
        .executeTakeFirstOrThrow();
      const id = await queueCaseEvent(d.db, {
        orgId: f.org.id,
        caseId: f.c.id,
        event: 'case.accepted',
      });
      smtp.behaviour = behaviour;
      // A server that never answers is detected by the socket timeout.
      const impatient = createSmtpSender(smtp.url, {
        connectionMs: 15_000,
        greetingMs: 15_000,
        socketMs: 1500,
      });
      const r = await processOutboxBatch(ctx, behaviour === 'hang' ? impatient : sender, opts);
      impatient.close();
      expect(r).toMatchObject({ claimed: 1, retried: 1, done: 0 });
      const row = await d.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toBeTruthy();
      expect(Date.parse(row.run_after)).toBe(clock.now().getTime() + 60_000);
      // Not due yet: nothing is claimed before the back-off passes.
      expect((await processOutboxBatch(ctx, sender, opts)).claimed).toBe(0);

      smtp.behaviour = 'accept';
      clock.advanceMs(60_001);
      expect((await processOutboxBatch(ctx, sender, opts)).done).toBe(1);
      const delivered = smtp.accepted.map(to).sort();
      expect(delivered).toEqual(
        [
          `ahmed-${f.org.id.slice(0, 6)}@buyer.test`,
          `shop-${f.org.id.slice(0, 6)}@seller.test`,
        ].sort(),
      );
      expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(smtp.accepted.length);
      const caseAfter = await d.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', f.c.id)
        .executeTakeFirstOrThrow();
      expect(caseAfter).toEqual(caseBefore);
    });
  }

  it('marks a bounced address on the party, still serves the others, and does not retry the bounce', async () => {
    const f = await fixture();
    const bounced = `ahmed-${f.org.id.slice(0, 6)}@buyer.test`;
    smtp.rejectRecipients.add(bounced);
    await queueCaseEvent(d.db, { orgId: f.org.id, caseId: f.c.id, event: 'case.accepted' });
    const r = await drainOutbox(ctx, sender, opts);
    expect(r.done).toBe(1);
    expect(smtp.accepted.map(to)).toEqual([`shop-${f.org.id.slice(0, 6)}@seller.test`]);
    const party = await d.db
      .selectFrom('case_parties')
      .select('email_bounced_at')
      .where('id', '=', f.applicantId)
      .executeTakeFirstOrThrow();
    expect(party.email_bounced_at).toBe(clock.now().toISOString());
    const audit = await d.db
      .selectFrom('audit_events')
      .select('action')
      .where('case_id', '=', f.c.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('party.email_bounced');
    // Later events skip the known-bad address instead of bouncing again.
    smtp.rejectRecipients.clear();
    smtp.accepted.length = 0;
    await queueCaseEvent(d.db, { orgId: f.org.id, caseId: f.c.id, event: 'case.rejected' });
    await drainOutbox(ctx, sender, opts);
    expect(smtp.accepted.map(to)).toEqual([`shop-${f.org.id.slice(0, 6)}@seller.test`]);
  });

  it('parks a row that keeps failing as dead, with the last error', async () => {
    const f = await fixture();
    const id = await queueCaseEvent(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      event: 'case.accepted',
    });
    smtp.behaviour = 'refuse';
    for (let i = 0; i < opts.maxAttempts; i++) {
      await processOutboxBatch(ctx, sender, opts);
      clock.advanceMs(10 * 3_600_000);
    }
    const row = await d.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(opts.maxAttempts);
    expect(row.last_error).toMatch(/554/);
    expect((await processOutboxBatch(ctx, sender, opts)).claimed).toBe(0);
  });

  it('does not tell the author about their own message; team-only messages skip the parties', async () => {
    const f = await fixture();
    const messageId = newId();
    await d.db
      .insertInto('messages')
      .values({
        id: messageId,
        org_id: f.org.id,
        case_id: f.c.id,
        author_user_id: f.mediatorUser.id,
        author_label: 'Mediator',
        visibility: 'everyone',
        language: 'en',
        body: 'Private words that must not appear in any e-mail',
        created_at: '2026-02-28T00:00:00.000Z',
      })
      .execute();
    await queueCaseEvent(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      event: 'message.posted',
      params: { messageId, visibility: 'everyone' },
    });
    await drainOutbox(ctx, sender, opts);
    expect(smtp.accepted.map(to).sort()).toEqual(
      [
        `ahmed-${f.org.id.slice(0, 6)}@buyer.test`,
        `shop-${f.org.id.slice(0, 6)}@seller.test`,
      ].sort(),
    );
    expect(smtp.accepted.some((m) => (m.text ?? '').includes('Private words'))).toBe(false);

    smtp.accepted.length = 0;
    await queueCaseEvent(d.db, {
      orgId: f.org.id,
      caseId: f.c.id,
      event: 'message.posted',
      params: { messageId: newId(), visibility: 'team' },
    });
    await drainOutbox(ctx, sender, opts);
    expect(smtp.accepted.map(to).sort()).toEqual([f.mediatorUser.email, f.officer.email].sort());
  });

  it('respects e-mail preferences, except for notices that cannot be switched off', async () => {
    const f = await fixture();
    await d.db
      .updateTable('users')
      .set({ email_preferences_json: JSON.stringify({ team: false, agreements: false }) })
      .where('id', '=', f.mediatorUser.id)
      .execute();
    await queueCaseEvent(d.db, { orgId: f.org.id, caseId: f.c.id, event: 'team.assigned' });
    await queueCaseEvent(d.db, { orgId: f.org.id, caseId: f.c.id, event: 'agreement.in_effect' });
    await drainOutbox(ctx, sender, opts);
    const mediatorMail = smtp.accepted.filter((m) => to(m) === f.mediatorUser.email);
    expect(mediatorMail.map((m) => m.subject)).toEqual([
      expect.stringContaining('Agreement in effect'),
    ]);
    const notes = await d.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', f.mediatorUser.id)
      .orderBy('kind')
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(['agreement.in_effect', 'team.assigned']);
  });
});
