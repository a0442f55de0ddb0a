import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpSender, type MailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import {
  SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR,
  SIGN_IN_LINKS_PER_IP_PER_HOUR,
} from '../../src/use-cases/auth/request-sign-in-link.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { intakePayload, orgSlugOf, submitThroughApi } from '../support/case-factories.js';
import { createOrg, createUser } from '../support/factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/notification-factories.js';

let t: TestApp;
let smtp: TestSmtpServer;
let sender: MailSender;
let orgId: string;
let orgSlug: string;
let seq = 0;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await buildTestApp({
    now: '2026-03-02T02:00:00.000Z',
    config: { smtpUrl: smtp.url, publicUrl: 'https://accord.test', intakePerIpPerHour: 0 },
  });
  sender = createSmtpSender(smtp.url, {
    connectionMs: 15_000,
    greetingMs: 15_000,
    socketMs: 15_000,
  });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
});
afterAll(async () => {
  sender.close();
  await smtp.close();
  await t.close();
});

// Every test starts an hour later, so that the rate-limit windows of earlier tests have passed.
beforeEach(() => {
  t.clock.advanceMs(61 * 60_000);
});

const requestLink = (body: Record<string, unknown>, ip = '203.0.113.7') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in-links',
    payload: body,
    remoteAddress: ip,
  });

const redeem = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-links/redeem', payload: body });

/** Delivers the queued e-mails through the real worker and returns those sent to `to`. */
async function mailTo(to: string) {
  await drainOutbox({ db: t.database.db, clock: t.clock, config: t.deps.config }, sender);
  return smtp.accepted.filter((m) => m.to && JSON.stringify(m.to).includes(to));
}

const linkToken = (text: string) => /\/sign-in\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

/** A case filed through the public form whose Persian applicant has the given address. */
async function caseWithApplicant(email: string) {
  const base = intakePayload();
  const [applicant, respondent] = base.parties;
  const c = await submitThroughApi(t, {
    orgSlug,
    parties: [
      { ...applicant, email, languages: ['fa', 'en'], preferredLanguage: 'fa' },
      { ...respondent, email: `resp-${++seq}@jiamei.example` },
    ],
  });
  // The intake e-mails go out first; the applicant's carries the invitation (follow) link.
  const followToken = /\/follow\/([A-Za-z0-9_-]+)/.exec((await mailTo(email))[0]?.text ?? '')?.[1];
  smtp.accepted.length = 0;
  return { ...c, followToken: followToken! };
}

describe('asking for a sign-in link', () => {
  it('answers a known and an unknown address byte for byte the same, and e-mails only the known one', async () => {
    const known = `known-${++seq}@buyer.example`;
    const unknown = `unknown-${++seq}@buyer.example`;
    await caseWithApplicant(known);

    const a = await requestLink({ email: known });
    const b = await requestLink({ email: unknown });
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(a.headers['content-length']).toBe(b.headers['content-length']);
    expect(a.json()).toEqual({ status: 'accepted' });

    const mails = await mailTo(known);
    expect(mails).toHaveLength(1);
    expect(await mailTo(unknown)).toHaveLength(0);
    expect(smtp.accepted).toHaveLength(1);
    // In the party's language (Persian), right to left.
    expect(mails[0]!.subject).toBe('پیوند ورود شما به Accord');
    expect(mails[0]!.html).toContain('dir="rtl"');
    expect(linkToken(mails[0]!.text ?? '')).toBeDefined();
    // The outbox keeps no readable address.
    const rows = await t.database.db
      .selectFrom('outbox')
      .select('payload_json')
      .where('kind', '=', 'sign_in_link')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.payload_json).not.toContain('@buyer.example');
  });

  it('sends nothing for a party the committee has not invited (an address the other side typed)', async () => {
    const c = await caseWithApplicant(`applicant-${++seq}@buyer.example`);
    const respondent = await t.database.db
      .selectFrom('case_parties')
      .select('email')
      .where('case_id', '=', c.id)
      .where('role', '=', 'respondent')
      .executeTakeFirstOrThrow();
    expect((await requestLink({ email: respondent.email! })).statusCode).toBe(202);
    expect(await mailTo(respondent.email!)).toHaveLength(0);
  });

  it('the link signs the party in once, to the page it was asked for, and ends after two hours', async () => {
    const email = `once-${++seq}@buyer.example`;
    const c = await caseWithApplicant(email);
    expect((await requestLink({ email, next: `/cases/${c.id}` })).statusCode).toBe(202);
    const token = linkToken((await mailTo(email))[0]!.text ?? '')!;

    const first = await redeem({ token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ next: `/cases/${c.id}`, totpEnrollmentRequired: false });
    expect(first.headers['set-cookie']).toMatch(/accord_session=.*HttpOnly/);
    const view = await t.app.inject({
      url: `/api/v1/cases/${c.id}`,
      headers: { authorization: `Bearer ${first.json().token}` },
    });
    expect(view.statusCode).toBe(200);
    const again = await redeem({ token });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');

    // A fresh link, opened too late.
    expect((await requestLink({ email })).statusCode).toBe(202);
    const late = linkToken((await mailTo(email)).at(-1)!.text ?? '')!;
    expect(late).not.toBe(token);
    t.clock.advanceMs(2 * 3_600_000 + 1_000);
    expect((await redeem({ token: late })).statusCode).toBe(404);
  });

  it('a newer link ends the older unused one', async () => {
    const email = `newer-${++seq}@buyer.example`;
    await caseWithApplicant(email);
    await requestLink({ email });
    const older = linkToken((await mailTo(email))[0]!.text ?? '')!;
    await requestLink({ email });
    const newer = linkToken((await mailTo(email))[1]!.text ?? '')!;
    expect((await redeem({ token: older })).statusCode).toBe(404);
    expect((await redeem({ token: newer })).statusCode).toBe(200);
  });

  it.each([
    '//evil.example/cases',
    'https://evil.example/',
    '/\\evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    'javascript:alert(1)',
    'cases/relative',
    '/cases/x\nLocation: https://evil.example',
  ])('refuses %j as the page to open afterwards (no open redirect)', async (next) => {
    const r = await requestLink({ email: `next-${++seq}@buyer.example`, next });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'next' });
  });

  it('accepts a path of this site with a query', async () => {
    const r = await requestLink({ email: `next-${++seq}@buyer.example`, next: '/cases/abc?tab=1' });
    expect(r.statusCode).toBe(202);
  });

  it('limits requests per address, known or not, with Retry-After', async () => {
    for (const email of [`limit-${++seq}@buyer.example`, `limit-unknown-${++seq}@x.example`]) {
      for (let i = 0; i < SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR; i++) {
        // From different IP addresses: the address alone reaches its limit.
        expect((await requestLink({ email }, `198.51.100.${i + 1}`)).statusCode).toBe(202);
      }
      const over = await requestLink({ email }, '198.51.100.99');
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('RATE_LIMITED');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('limits requests per IP address across addresses', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < SIGN_IN_LINKS_PER_IP_PER_HOUR; i++) {
      expect((await requestLink({ email: `ip-${++seq}@x.example` }, ip)).statusCode).toBe(202);
    }
    const over = await requestLink({ email: `ip-${++seq}@x.example` }, ip);
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBe('3600');
    // Another caller is not held up by this one.
    expect((await requestLink({ email: `ip-${++seq}@x.example` }, '192.0.2.45')).statusCode).toBe(
      202,
    );
    // The window passes.
    t.clock.advanceMs(61 * 60_000);
    expect((await requestLink({ email: `ip-${++seq}@x.example` }, ip)).statusCode).toBe(202);
  });
});

describe('a link for a staff account', () => {
  it('still asks for the authenticator code, and the same link works with it', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'director' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: u.password },
    });
    const bearer = { authorization: `Bearer ${login.json().token as string}` };
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/enroll',
      headers: bearer,
    });
    const { secret } = enrol.json() as { secret: string };
    const code = () => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/totp/confirm',
          headers: bearer,
          payload: { code: await code() },
        })
      ).statusCode,
    ).toBe(204);
    t.clock.advanceMs(30_000);

    expect((await requestLink({ email: u.email })).statusCode).toBe(202);
    const token = linkToken((await mailTo(u.email))[0]!.text ?? '')!;
    const noCode = await redeem({ token });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error).toMatchObject({ code: 'TOTP_REQUIRED', field: 'totpCode' });
    const wrong = String((Number(await code()) + 1) % 1_000_000).padStart(6, '0');
    const bad = await redeem({ token, totpCode: wrong });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('INVALID_CREDENTIALS');
    const ok = await redeem({ token, totpCode: await code() });
    expect(ok.statusCode).toBe(200);
    // A staff session keeps the staff lifetime.
    expect(Date.parse(ok.json().expiresAt) - t.clock.now().getTime()).toBe(
      t.deps.config.sessionTtlHours * 3_600_000,
    );
    expect((await redeem({ token, totpCode: await code() })).statusCode).toBe(404);
  });
});

describe('a link for staff who must still enrol a second factor', () => {
  it('sends them to the password (the enrolment secret is for whoever knows it), link unused', async () => {
    const strict = (await createOrg(t.database.db, { requireStaffTotp: true })).id;
    const u = await createUser(t.database.db, { orgId: strict, role: 'officer' });
    expect((await requestLink({ email: u.email })).statusCode).toBe(202);
    const token = linkToken((await mailTo(u.email))[0]!.text ?? '')!;
    for (let i = 0; i < 2; i++) {
      const r = await redeem({ token });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    }
    const sessions = await t.database.db
      .selectFrom('auth_sessions')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(sessions).toEqual([]);
  });
});

describe('party sessions', () => {
  async function partySession() {
    const email = `slide-${++seq}@buyer.example`;
    await caseWithApplicant(email);
    await requestLink({ email });
    const token = linkToken((await mailTo(email))[0]!.text ?? '')!;
    const r = await redeem({ token });
    expect(r.statusCode).toBe(200);
    return r.json() as { token: string; expiresAt: string; user: { id: string } };
  }
  const me = (token: string) =>
    t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const sessionRow = (userId: string) =>
    t.database.db
      .selectFrom('auth_sessions')
      .select(['expires_at', 'renewed_at'])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();

  it('last 30 days and slide with use, renewed at most once a day', async () => {
    const s = await partySession();
    const start = t.clock.now().getTime();
    expect(Date.parse(s.expiresAt) - start).toBe(30 * 86_400_000);

    // Within the first day a read writes nothing.
    t.clock.advanceMs(3_600_000);
    expect((await me(s.token)).statusCode).toBe(200);
    expect((await sessionRow(s.user.id)).renewed_at).toBeNull();

    // Day 20: renewed to 30 days from now.
    t.clock.advanceMs(20 * 86_400_000);
    const renewedAt = t.clock.now().toISOString();
    const renewed = await me(s.token);
    expect(renewed.statusCode).toBe(200);
    const row = await sessionRow(s.user.id);
    expect(row.renewed_at).toBe(renewedAt);
    expect(row.expires_at).toBe(new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString());

    // A second read the same day does not renew again.
    t.clock.advanceMs(3_600_000);
    expect((await me(s.token)).statusCode).toBe(200);
    expect((await sessionRow(s.user.id)).renewed_at).toBe(renewedAt);

    // Day 45 from the start: past the first 30 days, alive thanks to the renewal.
    t.clock.advanceMs(24 * 86_400_000);
    expect((await me(s.token)).statusCode).toBe(200);
    // Unused for more than 30 days: gone.
    t.clock.advanceMs(31 * 86_400_000);
    expect((await me(s.token)).statusCode).toBe(401);
  });

  it('a renewal through the cookie moves the cookie expiry too', async () => {
    const s = await partySession();
    t.clock.advanceMs(2 * 86_400_000);
    const r = await t.app.inject({
      url: '/api/v1/me',
      headers: { cookie: `accord_session=${s.token}` },
    });
    expect(r.statusCode).toBe(200);
    const expires = /Expires=([^;]+)/.exec(String(r.headers['set-cookie']))?.[1];
    expect(Date.parse(expires!)).toBe(
      Math.floor((t.clock.now().getTime() + 30 * 86_400_000) / 1000) * 1000,
    );
  });

  it('signing out on all devices ends every session of the party', async () => {
    const email = `everywhere-${++seq}@buyer.example`;
    await caseWithApplicant(email);
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      await requestLink({ email });
      const token = linkToken((await mailTo(email)).at(-1)!.text ?? '')!;
      sessions.push((await redeem({ token })).json().token as string);
    }
    for (const s of sessions) expect((await me(s)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-everywhere',
      headers: { authorization: `Bearer ${sessions[0]}` },
    });
    expect(out.statusCode).toBe(204);
    for (const s of sessions) expect((await me(s)).statusCode).toBe(401);
  });
});

describe('the invitation link opened again', () => {
  const redeemInvite = (token: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/redeem',
      payload: { token },
      headers,
    });

  it('names the case to its party while signed in, and is "not found" to anyone else', async () => {
    const c = await caseWithApplicant(`again-${++seq}@buyer.example`);
    const first = await redeemInvite(c.followToken);
    expect(first.statusCode).toBe(200);
    expect(first.json().caseId).toBe(c.id);
    const own = { authorization: `Bearer ${first.json().token as string}` };

    expect((await redeemInvite(c.followToken)).statusCode).toBe(404);
    const again = await redeemInvite(c.followToken, own);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ alreadySignedIn: true, caseId: c.id });

    // Another party, signed in, learns nothing.
    const other = await caseWithApplicant(`again-other-${++seq}@buyer.example`);
    const otherSession = (await redeemInvite(other.followToken)).json().token as string;
    const stranger = await redeemInvite(c.followToken, {
      authorization: `Bearer ${otherSession}`,
    });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('other ways in for a party', () => {
  it('a party signed in by link sets a first password without a current one, and then needs it', async () => {
    const email = `password-${++seq}@buyer.example`;
    await caseWithApplicant(email);
    await requestLink({ email });
    const token = linkToken((await mailTo(email))[0]!.text ?? '')!;
    const session = (await redeem({ token })).json() as { token: string };
    const auth = { authorization: `Bearer ${session.token}` };
    const options = () => t.app.inject({ url: '/api/v1/me/sign-in-options', headers: auth });
    expect((await options()).json()).toEqual({ hasPassword: false, passkeys: [] });

    const password = 'amber lantern over the silk road';
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: auth,
      payload: { newPassword: password },
    });
    expect(set.statusCode).toBe(204);
    expect((await options()).json().hasPassword).toBe(true);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
    // A party's password session slides like any party session.
    expect(Date.parse(login.json().expiresAt) - t.clock.now().getTime()).toBe(30 * 86_400_000);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: auth,
      payload: { newPassword: 'another long passphrase for accord' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.field).toBe('currentPassword');
  });

  it('a passkey answer to a challenge refuses an unknown passkey, and the challenge is spent', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/options' });
    expect(start.statusCode).toBe(200);
    const { challenge, rpId, allowCredentials } = start.json().options as {
      challenge: string;
      rpId: string;
      allowCredentials?: unknown[];
    };
    expect(rpId).toBe('accord.test');
    expect(allowCredentials ?? []).toEqual([]);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge, origin: 'https://accord.test' }),
    ).toString('base64url');
    const answer = {
      response: {
        id: 'bm8tc3VjaC1wYXNza2V5',
        rawId: 'bm8tc3VjaC1wYXNza2V5',
        type: 'public-key',
        response: { clientDataJSON, authenticatorData: 'AAAA', signature: 'AAAA' },
        clientExtensionResults: {},
      },
    };
    const verify = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/passkeys/verify', payload: answer });
    const first = await verify();
    expect(first.statusCode).toBe(401);
    expect(first.json().error.code).toBe('INVALID_CREDENTIALS');
    const row = await t.database.db
      .selectFrom('webauthn_challenges')
      .select('used_at')
      .where('challenge', '=', challenge)
      .executeTakeFirstOrThrow();
    expect(row.used_at).not.toBeNull();
    expect((await verify()).statusCode).toBe(401);
  });
});
