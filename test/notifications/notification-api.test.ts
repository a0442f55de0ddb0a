import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCase, createMediator, createOrg, createUser } from '../support/factories.js';
import { createSession, queueCaseEvent } from '../support/notification-factories.js';
import { createMailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { defaultWorkerOptions, drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { markOutboxFailed } from '../../src/db/repositories/outbox-repository.js';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  // No SMTP configured: mail goes to the dev mailbox under the data dir.
  t = await buildTestApp({ now: '2026-03-01T00:00:00.000Z' });
  orgId = (await createOrg(t.database.db)).id;
});
afterAll(async () => t.close());

async function login(u: { email: string; password: string }) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: u.email, password: u.password },
  });
  return { authorization: `Bearer ${r.json().token as string}` };
}

const drain = () =>
  drainOutbox(
    t.deps,
    createMailSender(t.deps.config, () => t.clock.now()),
    defaultWorkerOptions,
  );

describe('in-app notifications', () => {
  it('lists mine newest first with an unread filter and a cursor, marks one and all read, and hides others (404)', async () => {
    const officer = await createUser(t.database.db, { orgId, role: 'officer', locale: 'fr' });
    const other = await createUser(t.database.db, { orgId, role: 'officer', locale: 'en' });
    const c = await createCase(t.database.db, { orgId });
    for (const [i, event] of (
      ['case.submitted', 'team.objection_raised', 'case.concluded'] as const
    ).entries()) {
      await queueCaseEvent(t.database.db, {
        orgId,
        caseId: c.id,
        event,
        at: `2026-02-28T00:00:0${i}.000Z`,
      });
    }
    await drain();
    const auth = await login(officer);
    const page1 = await t.app.inject({ url: '/api/v1/notifications?limit=2', headers: auth });
    expect(page1.statusCode).toBe(200);
    const b1 = page1.json();
    expect(b1.unreadCount).toBe(3);
    expect(b1.items.map((n: { kind: string }) => n.kind)).toEqual([
      'case.concluded',
      'team.objection_raised',
    ]);
    expect(b1.items[0].title).toBe('Médiation terminée');
    expect(b1.items[0].body).toContain(b1.items[0].params.reference);
    const page2 = await t.app.inject({
      url: `/api/v1/notifications?limit=2&cursor=${b1.nextCursor}`,
      headers: auth,
    });
    expect(page2.json().items.map((n: { kind: string }) => n.kind)).toEqual([
      'case.submitted.staff',
    ]);
    expect(page2.json().nextCursor).toBeNull();

    const first = b1.items[0].id as string;
    // Someone else's notification is invisible.
    const otherAuth = await login(other);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/notifications/${first}/read`,
          headers: otherAuth,
        })
      ).statusCode,
    ).toBe(404);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${first}/read`,
      headers: auth,
    });
    expect(read.statusCode).toBe(200);
    const unread = await t.app.inject({ url: '/api/v1/notifications?unread=true', headers: auth });
    expect(unread.json().items).toHaveLength(2);
    expect(unread.json().unreadCount).toBe(2);
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: auth,
    });
    expect(all.json()).toEqual({ updated: 2 });
    expect(
      (await t.app.inject({ url: '/api/v1/notifications?unread=1', headers: auth })).json().items,
    ).toEqual([]);

    const bad = await t.app.inject({ url: '/api/v1/notifications?cursor=zzz', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('cursor');
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('preferences', () => {
  it('reads and changes language, time zone and e-mail choices; rejects bad input with the field named', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'mediator' });
    const auth = await login(u);
    const got = await t.app.inject({ url: '/api/v1/me/preferences', headers: auth });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(got.json().email.messages).toBe(true);
    expect(got.json().alwaysSent).toContain('case.accepted');

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: auth,
      payload: { locale: 'tr', timeZone: 'Europe/Istanbul', email: { messages: false } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ locale: 'tr', timeZone: 'Europe/Istanbul' });
    expect(put.json().email).toMatchObject({ messages: false, sessions: true });

    for (const [payload, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ locale: 'xx' }, 'locale'],
      [{ email: { spam: false } }, 'email'],
      [{ colour: 'red' }, undefined],
    ] as const) {
      const r = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/preferences',
        headers: auth,
        payload,
      });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      if (field) expect(r.json().error.field).toContain(field);
    }
    const after = await t.app.inject({ url: '/api/v1/me/preferences', headers: auth });
    expect(after.json()).toMatchObject({ locale: 'tr', timeZone: 'Europe/Istanbul' });
  });
});

describe('calendar feed', () => {
  it('publishes the mediator’s sessions under a secret URL that rotates and can be revoked', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'mediator', locale: 'en' });
    const m = await createMediator(t.database.db, { orgId, userId: u.id });
    const mine = await createCase(t.database.db, {
      orgId,
      status: 'in_mediation',
      teamMediatorIds: [m.id],
    });
    const notMine = await createCase(t.database.db, { orgId, status: 'in_mediation' });
    const s = await createSession(t.database.db, {
      orgId,
      caseId: mine.id,
      startsAt: '2026-03-05T01:00:00.000Z',
      mode: 'online',
      room: null,
      meetingUrl: 'https://meet.example/abc',
    });
    const hidden = await createSession(t.database.db, {
      orgId,
      caseId: notMine.id,
      startsAt: '2026-03-05T03:00:00.000Z',
    });
    const auth = await login(u);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/feed',
      headers: auth,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { url, token } = created.json();
    expect(url).toBe(`${t.deps.config.publicUrl}/api/v1/calendar/${token}.ics`);
    const stored = await t.database.db.selectFrom('calendar_feeds').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash.includes(token))).toBe(false);

    const feed = await t.app.inject({ url: `/api/v1/calendar/${token}.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('METHOD:PUBLISH');
    expect(feed.body).toContain(`UID:session-${s.id}@accord`);
    expect(feed.body).toContain('DTSTART:20260305T010000Z');
    expect(feed.body).toContain('LOCATION:https://meet.example/abc');
    expect(feed.body).not.toContain(hidden.id);

    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/feed',
      headers: auth,
    });
    const token2 = rotated.json().token as string;
    expect((await t.app.inject({ url: `/api/v1/calendar/${token}.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/calendar/${token2}.ics` })).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/calendar/feed',
      headers: auth,
    });
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect((await t.app.inject({ url: `/api/v1/calendar/${token2}.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/calendar/nonsense' })).statusCode).toBe(404);

    // Someone with no mediator profile has no feed to create.
    const officer = await createUser(t.database.db, { orgId, role: 'officer' });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/feed',
      headers: await login(officer),
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('director tools', () => {
  it('lists dead rows for the director, retries one, and refuses others', async () => {
    const director = await createUser(t.database.db, { orgId, role: 'director' });
    const officer = await createUser(t.database.db, { orgId, role: 'officer' });
    const otherOrg = await createOrg(t.database.db);
    const otherDirector = await createUser(t.database.db, { orgId: otherOrg.id, role: 'director' });
    const c = await createCase(t.database.db, { orgId });
    const id = await queueCaseEvent(t.database.db, {
      orgId,
      caseId: c.id,
      event: 'case.accepted',
      params: { [`inviteToken_x`]: 'secret-token-value-000000' },
    });
    await markOutboxFailed(t.database.db, {
      id,
      error: '554 transaction failed',
      runAfter: '2026-03-01T00:00:00.000Z',
      dead: true,
    });
    const auth = await login(director);
    const list = await t.app.inject({ url: '/api/v1/admin/outbox/dead', headers: auth });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({
      event: 'case.accepted',
      caseId: c.id,
      lastError: '554 transaction failed',
    });
    expect(list.body).not.toContain('secret-token-value');

    const officerAuth = await login(officer);
    expect(
      (await t.app.inject({ url: '/api/v1/admin/outbox/dead', headers: officerAuth })).statusCode,
    ).toBe(403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${id}/retry`,
      headers: await login(otherDirector),
    });
    expect(foreign.statusCode).toBe(404);

    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${id}/retry`,
      headers: auth,
    });
    expect(retry.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${id}/retry`,
      headers: auth,
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['outbox.retry']);
  });

  it('shows the dev mailbox to the director when no SMTP server is configured, and bounces to the officer', async () => {
    const director = await createUser(t.database.db, { orgId, role: 'director' });
    const officer = await createUser(t.database.db, { orgId, role: 'officer' });
    const c = await createCase(t.database.db, {
      orgId,
      parties: [
        {
          role: 'applicant',
          country: 'IR',
          languages: ['fa'],
          preferredLanguage: 'fa',
          email: 'reza@buyer.test',
        },
        { role: 'respondent', country: 'CN', languages: ['zh'], email: 'shop@seller.test' },
      ],
    });
    await queueCaseEvent(t.database.db, { orgId, caseId: c.id, event: 'case.accepted' });
    await drain();
    const box = await t.app.inject({
      url: '/api/v1/admin/dev-mailbox?limit=200',
      headers: await login(director),
    });
    expect(box.statusCode).toBe(200);
    const fa = box.json().items.find((m: { to: string }) => m.to === 'reza@buyer.test');
    expect(fa.language).toBe('fa');
    expect(fa.html).toContain('dir="rtl"');
    expect(fa.subject).toContain('درخواست پذیرفته شد');
    const officerAuth = await login(officer);
    expect(
      (await t.app.inject({ url: '/api/v1/admin/dev-mailbox', headers: officerAuth })).statusCode,
    ).toBe(403);

    await t.database.db
      .updateTable('case_parties')
      .set({ email_bounced_at: '2026-03-01T00:00:00.000Z' })
      .where('case_id', '=', c.id)
      .where('email', '=', 'reza@buyer.test')
      .execute();
    const bounces = await t.app.inject({
      url: `/api/v1/cases/${c.id}/email-bounces`,
      headers: officerAuth,
    });
    expect(bounces.statusCode).toBe(200);
    expect(bounces.json().items).toEqual([
      expect.objectContaining({ role: 'applicant', email: 'reza@buyer.test' }),
    ]);
    const mediator = await createUser(t.database.db, { orgId, role: 'mediator' });
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${c.id}/email-bounces`,
          headers: await login(mediator),
        })
      ).statusCode,
    ).toBe(404);
  });
});
