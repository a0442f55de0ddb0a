import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpSender, type MailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { defaultWorkerOptions, drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  bearerFor,
  orgSlugOf,
  signInAsParty,
  submitThroughApi,
} from '../support/case-factories.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/notification-factories.js';

/**
 * The conversation of a case through the API, on both engines: the private caucus of each side,
 * unread counts per user and channel, explicit read marking, the staff's evidence and the
 * notice of a party's upload.
 */
let t: TestApp;
let smtp: TestSmtpServer;
let sender: MailSender;
let caseId: string;
let officer: { id: string; email: string; headers: Record<string, string> };
let lead: { userId: string; email: string; headers: Record<string, string> };
let applicant: Awaited<ReturnType<typeof signInAsParty>>;
let respondent: Awaited<ReturnType<typeof signInAsParty>>;

/** The addresses one accepted e-mail went to. */
const recipientsOf = (m: TestSmtpServer['accepted'][number]): string[] =>
  [m.to].flat().flatMap((a) => a?.value.map((v) => (v.address ?? '').toLowerCase()) ?? []);

const PDF = Buffer.from('%PDF-1.4\n% invoice\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(headers: Record<string, string>, fields: Record<string, string> = {}) {
  const boundary = '----accordconversation' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="invoice.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const post = (headers: Record<string, string>, body: Record<string, unknown>) => {
  // Each post a minute after the last, as in life: the thread is ordered by time.
  t.clock.advanceMs(60_000);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/messages`,
    headers,
    payload: { language: 'en', ...body },
  });
};

interface Thread {
  items: { id: string; channel: string; attachments: { id: string }[] }[];
  channels: { channel: string; unread: number; firstUnreadId: string | null; writable: boolean }[];
}
const thread = async (headers: Record<string, string>): Promise<Thread> => {
  const r = await t.app.inject({ url: `/api/v1/cases/${caseId}/messages`, headers });
  expect(r.statusCode).toBe(200);
  return r.json();
};
const unreadOf = (th: Thread, channel: string) => th.channels.find((c) => c.channel === channel);
const markRead = (headers: Record<string, string>, channel: string, upTo: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/messages/read-positions/${channel}`,
    headers,
    payload: { upTo },
  });

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  sender = createSmtpSender(smtp.url, {
    connectionMs: 15_000,
    greetingMs: 15_000,
    socketMs: 15_000,
  });
  t = await buildTestApp({
    now: '2026-03-02T02:00:00.000Z',
    config: { smtpUrl: smtp.url, publicUrl: 'https://accord.test' },
  });
  const db = t.database.db;
  const orgId = (await createOrg(db, { prefix: '义外调' })).id;
  const officerUser = await createUser(db, { orgId, role: 'officer' });
  officer = { ...officerUser, headers: await bearerFor(t, officerUser) };
  caseId = (await submitThroughApi(t, { orgSlug: await orgSlugOf(t, orgId) })).id;
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/accept`,
    headers: officer.headers,
    payload: { version: 1, reason: 'ok' },
  });
  const leadUser = await createUser(db, { orgId, role: 'mediator' });
  const leadId = (await createMediator(db, { orgId, userId: leadUser.id })).id;
  lead = { userId: leadUser.id, email: leadUser.email, headers: await bearerFor(t, leadUser) };
  const lawyer = await createMediator(db, { orgId, kind: 'lawyer' });
  const team = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/team`,
    headers: officer.headers,
    payload: { version: 2, lead: leadId, lawyer: lawyer.id },
  });
  expect(team.statusCode).toBe(200);
  applicant = await signInAsParty(t, caseId, 'applicant');
  respondent = await signInAsParty(t, caseId, 'respondent');
  // The intake and team notices are not what these tests look at.
  await drainOutbox(t.deps, sender, defaultWorkerOptions);
  smtp.accepted.length = 0;
});
afterAll(async () => {
  await t?.close();
  sender?.close();
  await smtp?.close();
});

describe('private caucus', () => {
  it('gives each side its own caucus with the team, and the other side nothing', async () => {
    const file = await upload(applicant.headers, { channel: 'caucus_applicant' });
    expect(file.statusCode).toBe(201);
    expect(file.json().channel).toBe('caucus_applicant');
    const mine = await post(applicant.headers, {
      visibility: 'caucus_applicant',
      body: 'Our lowest acceptable refund is 8,000.',
      documentIds: [file.json().id],
    });
    expect(mine.statusCode).toBe(201);
    const answer = await post(lead.headers, {
      visibility: 'caucus_applicant',
      body: 'Understood; we will not share the figure.',
    });
    expect(answer.statusCode).toBe(201);

    const a = await thread(applicant.headers);
    expect(a.channels.map((c) => [c.channel, c.writable])).toEqual([
      ['everyone', true],
      ['caucus_applicant', true],
    ]);
    expect(a.items.filter((m) => m.channel === 'caucus_applicant')).toHaveLength(2);

    const r = await thread(respondent.headers);
    expect(r.channels.map((c) => c.channel)).toEqual(['everyone', 'caucus_respondent']);
    expect(r.items.some((m) => m.channel.startsWith('caucus_applicant'))).toBe(false);
    const evidence = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents`,
      headers: respondent.headers,
    });
    expect(evidence.json().items.map((d: { id: string }) => d.id)).not.toContain(file.json().id);
    const download = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents/${file.json().id}/content`,
      headers: respondent.headers,
    });
    expect(download.statusCode).toBe(404);
    // Naming the other side's caucus answers as if it did not exist.
    expect(
      (await post(respondent.headers, { visibility: 'caucus_applicant', body: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await markRead(respondent.headers, 'caucus_applicant', mine.json().id)).statusCode,
    ).toBe(404);
    expect((await upload(respondent.headers, { channel: 'caucus_applicant' })).statusCode).toBe(
      404,
    );

    const staff = await thread(officer.headers);
    expect(staff.channels.map((c) => c.channel)).toEqual([
      'everyone',
      'team',
      'caucus_applicant',
      'caucus_respondent',
    ]);
    expect(staff.items.find((m) => m.id === mine.json().id)?.attachments).toHaveLength(1);
  });

  it('attaches to a caucus message only files uploaded into that caucus', async () => {
    const open = await upload(applicant.headers);
    const r = await post(applicant.headers, {
      visibility: 'caucus_applicant',
      body: 'See attached.',
      documentIds: [open.json().id],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documentIds.0' });
  });

  it('tells the team, the officers and that side only of a caucus message', async () => {
    await drainOutbox(t.deps, sender, defaultWorkerOptions);
    smtp.accepted.length = 0;
    await post(lead.headers, { visibility: 'caucus_respondent', body: 'A word in private.' });
    await drainOutbox(t.deps, sender, defaultWorkerOptions);
    const to = smtp.accepted.flatMap(recipientsOf);
    const parties = await t.database.db
      .selectFrom('case_parties')
      .select(['role', 'email'])
      .where('case_id', '=', caseId)
      .execute();
    const emailOf = (role: string) => parties.find((p) => p.role === role)!.email!;
    expect(to).toContain(officer.email.toLowerCase());
    expect(to).not.toContain(lead.email.toLowerCase()); // the author is never told of their own post
    const respondentUser = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', respondent.userId)
      .executeTakeFirstOrThrow();
    const applicantUser = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', applicant.userId)
      .executeTakeFirstOrThrow();
    const side = [emailOf('respondent'), respondentUser.email].map((a) => a.toLowerCase());
    const other = [emailOf('applicant'), applicantUser.email].map((a) => a.toLowerCase());
    expect(to.some((x) => side.includes(x))).toBe(true);
    expect(to.some((x) => other.includes(x))).toBe(false);
  });
});

describe('unread markers', () => {
  it('counts per user and channel, never changes on a GET, and moves forward only when marked', async () => {
    await drainOutbox(t.deps, sender, defaultWorkerOptions);
    smtp.accepted.length = 0;
    const first = await post(applicant.headers, { body: 'First question.' });
    const second = await post(applicant.headers, { body: 'Second question.' });
    // A party's message reaches the officers as well as the team, in-app and by e-mail.
    await drainOutbox(t.deps, sender, defaultWorkerOptions);
    const told = smtp.accepted.flatMap(recipientsOf);
    expect(told).toEqual(
      expect.arrayContaining([officer.email.toLowerCase(), lead.email.toLowerCase()]),
    );
    const officerNotes = await t.database.db
      .selectFrom('notifications')
      .select('params_json')
      .where('user_id', '=', officer.id)
      .where('kind', '=', 'message.posted')
      .execute();
    expect(officerNotes.some((n) => n.params_json.includes(first.json().id))).toBe(true);
    const mediatorBefore = await thread(lead.headers);
    const everyone = unreadOf(mediatorBefore, 'everyone')!;
    const before = everyone.unread;
    expect(before).toBeGreaterThanOrEqual(2);
    // Reading the thread writes nothing.
    const again = await thread(lead.headers);
    expect(unreadOf(again, 'everyone')!.unread).toBe(before);
    const rows = await t.database.db
      .selectFrom('message_read_positions')
      .select('user_id')
      .where('user_id', '=', lead.userId)
      .execute();
    expect(rows).toHaveLength(0);
    // One's own posts are never unread.
    expect(unreadOf(await thread(applicant.headers), 'everyone')!.unread).toBe(0);

    const marked = await markRead(lead.headers, 'everyone', first.json().id);
    expect(marked.statusCode).toBe(200);
    const after = unreadOf(await thread(lead.headers), 'everyone')!;
    expect(after.unread).toBe(1);
    expect(after.firstUnreadId).toBe(second.json().id);
    // The officer's position is the officer's own.
    expect(unreadOf(await thread(officer.headers), 'everyone')!.unread).toBe(before);

    await markRead(lead.headers, 'everyone', second.json().id);
    // A stale tab marking an older message does not bring back what was read since.
    await markRead(lead.headers, 'everyone', first.json().id);
    expect(unreadOf(await thread(lead.headers), 'everyone')!.unread).toBe(0);

    // A message of another channel cannot mark this one.
    const team = await post(officer.headers, { visibility: 'team', body: 'Team note.' });
    expect((await markRead(lead.headers, 'everyone', team.json().id)).statusCode).toBe(400);
    expect(unreadOf(await thread(lead.headers), 'team')!.unread).toBe(1);
  });
});

describe('evidence for staff', () => {
  it('lets staff upload with a visibility the parties respect, and notifies the team of a party upload only', async () => {
    await drainOutbox(t.deps, sender, defaultWorkerOptions);
    smtp.accepted.length = 0;
    const teamFile = await upload(lead.headers, { visibility: 'team' });
    expect(teamFile.statusCode).toBe(201);
    const committeeFile = await upload(officer.headers, { visibility: 'committee' });
    expect(committeeFile.statusCode).toBe(201);
    expect((await upload(lead.headers, { visibility: 'committee' })).statusCode).toBe(400);
    expect((await upload(applicant.headers, { visibility: 'team' })).statusCode).toBe(400);

    const ids = async (headers: Record<string, string>) =>
      (await t.app.inject({ url: `/api/v1/cases/${caseId}/documents`, headers }))
        .json()
        .items.map((d: { id: string }) => d.id) as string[];
    expect(await ids(applicant.headers)).not.toContain(teamFile.json().id);
    expect(await ids(lead.headers)).toContain(teamFile.json().id);
    expect(await ids(lead.headers)).not.toContain(committeeFile.json().id);
    expect(await ids(officer.headers)).toEqual(
      expect.arrayContaining([teamFile.json().id, committeeFile.json().id]),
    );

    const events = async () =>
      (
        await t.database.db
          .selectFrom('outbox')
          .select('payload_json')
          .where('kind', '=', 'case_event')
          .execute()
      ).filter((r) => String(r.payload_json).includes('evidence.uploaded')).length;
    // Staff uploads tell nobody; a party's upload tells the team and the officers.
    const before = await events();
    const invoice = await upload(respondent.headers);
    expect(invoice.statusCode).toBe(201);
    expect(invoice.json().sizeBytes).toBe(PDF.length);
    expect(await events()).toBe(before + 1);
    await drainOutbox(t.deps, sender, defaultWorkerOptions);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id'])
      .where('kind', '=', 'evidence.uploaded')
      .where('params_json', 'like', `%${invoice.json().id}%`)
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([lead.userId, officer.id].sort());
    const mails = smtp.accepted.filter((m) => /evidence|证据/i.test(m.subject ?? ''));
    expect(mails.flatMap(recipientsOf)).toContain(officer.email.toLowerCase());
  });

  it('previews images and PDFs inline, under nosniff and a restrictive policy; other files download', async () => {
    const pdf = await upload(applicant.headers);
    const preview = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents/${pdf.json().id}/content?preview=1`,
      headers: officer.headers,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
    const plain = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents/${pdf.json().id}/content`,
      headers: officer.headers,
    });
    expect(plain.headers['content-disposition']).toMatch(/^attachment;/);
  });
});
