import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import {
  bearerFor,
  caseVersion,
  intakePayload,
  orgSlugOf,
  submitThroughApi,
} from '../support/case-factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/notification-factories.js';
import { createSmtpSender, type MailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';

let t: TestApp;
let smtp: TestSmtpServer;
let sender: MailSender;
let orgId: string;
let orgSlug: string;
let officer: Record<string, string>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await buildTestApp({
    now: '2026-03-02T02:00:00.000Z',
    config: { smtpUrl: smtp.url, publicUrl: 'https://accord.test' },
  });
  sender = createSmtpSender(smtp.url, {
    connectionMs: 15_000,
    greetingMs: 15_000,
    socketMs: 15_000,
  });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
});
afterAll(async () => {
  sender.close();
  await smtp.close();
  await t.close();
});

const respondentOf = async (caseId: string) =>
  t.database.db
    .selectFrom('case_parties')
    .select(['id', 'email'])
    .where('case_id', '=', caseId)
    .where('role', '=', 'respondent')
    .executeTakeFirstOrThrow();

const invite = (caseId: string, partyId: string, headers: Record<string, string>, body: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/parties/${partyId}/invitations`,
    headers,
    payload: body as Record<string, unknown>,
  });

const redeem = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/invitations/redeem', payload: { token } });

/** Delivers the queued e-mails through the real worker and returns those sent to `to`. */
async function mailTo(to: string) {
  await drainOutbox({ db: t.database.db, clock: t.clock, config: t.deps.config }, sender);
  return smtp.accepted.filter((m) => m.to && JSON.stringify(m.to).includes(to));
}

const followToken = (text: string) => /\/follow\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('inviting a party', () => {
  it('e-mails the respondent, in its language, a one-time link that signs it in to the case', async () => {
    const c = await submitThroughApi(t, { orgSlug });
    const respondent = await respondentOf(c.id);
    await mailTo('nobody'); // the intake e-mails go out first
    smtp.accepted.length = 0;

    const r = await invite(c.id, respondent.id, officer, { version: c.version });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      id: c.id,
      status: 'submitted',
      version: c.version + 1,
      partyId: respondent.id,
      expiresAt: '2026-04-01T02:00:00.000Z',
    });
    // The officer never sees the link.
    expect(r.body).not.toMatch(/token/i);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary_json'])
      .where('case_id', '=', c.id)
      .where('action', '=', 'party.invite')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary_json)).toMatchObject({ partyId: respondent.id });

    const mails = await mailTo(respondent.email!);
    expect(mails).toHaveLength(1);
    // Only the invited party is written to, in Chinese (its preferred language).
    expect(smtp.accepted).toHaveLength(1);
    expect(mails[0]!.subject).toContain('邀请您参加调解');
    const token = followToken(mails[0]!.text ?? '');
    expect(token).toBeDefined();

    const first = await redeem(token!);
    expect(first.statusCode).toBe(200);
    const view = await t.app.inject({
      url: `/api/v1/cases/${c.id}`,
      headers: { authorization: `Bearer ${first.json().token}` },
    });
    expect(view.statusCode).toBe(200);
    expect((await redeem(token!)).statusCode).toBe(404);
  });

  it('a new invitation ends the earlier unused link', async () => {
    const c = await submitThroughApi(t, { orgSlug });
    const respondent = await respondentOf(c.id);
    await mailTo('nobody');
    smtp.accepted.length = 0;
    expect((await invite(c.id, respondent.id, officer, { version: 1 })).statusCode).toBe(201);
    const [firstMail] = await mailTo(respondent.email!);
    smtp.accepted.length = 0;
    expect((await invite(c.id, respondent.id, officer, { version: 2 })).statusCode).toBe(201);
    const [secondMail] = await mailTo(respondent.email!);
    const oldToken = followToken(firstMail!.text ?? '')!;
    const newToken = followToken(secondMail!.text ?? '')!;
    expect(newToken).not.toBe(oldToken);
    expect((await redeem(oldToken)).statusCode).toBe(404);
    expect((await redeem(newToken)).statusCode).toBe(200);
  });

  it('answers 404 for another case’s party or case, 403 for a party, 400 without e-mail, 409 on a stale version or a closed case — and writes nothing', async () => {
    const c = await submitThroughApi(t, { orgSlug });
    const other = await submitThroughApi(t, { orgSlug });
    const respondent = await respondentOf(c.id);
    const otherRespondent = await respondentOf(other.id);
    const noEmail = await submitThroughApi(
      t,
      intakePayload({
        orgSlug,
        parties: [
          intakePayload().parties[0],
          { ...intakePayload().parties[1], email: undefined, phone: '+86 138 0013 8000' },
        ],
      }),
    );
    const silent = await respondentOf(noEmail.id);
    // The applicant of the case without a respondent e-mail follows its own intake link.
    const intakeMail = (await mailTo('ahmed@buyer.example')).find((m) =>
      m.subject?.includes(noEmail.reference),
    );
    const applicantLogin = await redeem(followToken(intakeMail?.text ?? '')!);
    expect(applicantLogin.statusCode).toBe(200);
    const applicantHeaders = { authorization: `Bearer ${applicantLogin.json().token}` };
    const outboxCount = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await outboxCount();

    const wrongCase = await invite(c.id, otherRespondent.id, officer, { version: 1 });
    expect(wrongCase.statusCode).toBe(404);
    const unknownParty = await invite(c.id, '00000000-0000-4000-8000-000000000000', officer, {
      version: 1,
    });
    expect(unknownParty.statusCode).toBe(404);
    const notStaff = await invite(noEmail.id, silent.id, applicantHeaders, { version: 1 });
    expect(notStaff.statusCode).toBe(403);
    const notOnCase = await invite(other.id, otherRespondent.id, applicantHeaders, {
      version: 1,
    });
    expect(notOnCase.statusCode).toBe(404);
    const missing = await invite(noEmail.id, silent.id, officer, { version: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('partyId');
    const stale = await invite(c.id, respondent.id, officer, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const extra = await invite(c.id, respondent.id, officer, { version: 1, resend: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.field).toBe('resend');

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/withdraw`,
      headers: officer,
      payload: { version: 1, reason: '撤回' },
    });
    const closed = await invite(c.id, respondent.id, officer, { version: 2 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('INVALID_TRANSITION');
    expect(closed.json().error.details.state).toBe('withdrawn');

    expect(await caseVersion(t, c.id)).toBe(2);
    // Only the withdrawal queued anything.
    expect(await outboxCount()).toBe(before + 1);
    expect(
      await t.database.db
        .selectFrom('party_invites')
        .select('id')
        .where('party_id', 'in', [respondent.id, otherRespondent.id, silent.id])
        .execute(),
    ).toEqual([]);
  });
});
