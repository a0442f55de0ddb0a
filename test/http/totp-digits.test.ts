import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevMailboxSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { readDevMailbox } from '../../src/mail/dev-mailbox.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';

let t: TestApp;
let orgId: string;

beforeAll(async () => {
  t = await buildTestApp({
    now: '2026-03-02T02:00:00.000Z',
    config: { publicUrl: 'https://accord.test' },
  });
  orgId = (await createOrg(t.database.db)).id;
});
afterAll(async () => {
  await t.close();
});

/** The same code as typed on a Persian (۰-۹) or Arabic (٠-٩) keyboard. */
const persian = (code: string) => code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const arabic = (code: string) => code.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);

describe('authenticator codes typed in Persian or Arabic digits', () => {
  it('are accepted by TOTP confirmation, login and sign-in-link redemption; malformed ones are 400 on the field', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'director' });
    const login = (totpCode?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: u.password, ...(totpCode ? { totpCode } : {}) },
      });
    const first = await login();
    expect(first.statusCode).toBe(200);
    const bearer = { authorization: `Bearer ${first.json().token as string}` };
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/enroll',
      headers: bearer,
    });
    const { secret } = enrol.json() as { secret: string };
    const code = () => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    const confirm = (c: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/totp/confirm',
        headers: bearer,
        payload: { code: c },
      });

    // Malformed even once normalised: refused on the field, never a 5xx.
    for (const bad of ['۱۲۳۴۵', '۱۲۳۴۵۶۷', '12a456', '']) {
      const r = await confirm(bad);
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    }
    // Persian digits with the spaces and direction marks an RTL keyboard leaves behind.
    const typed = persian(await code());
    expect(typed).toMatch(/^[۰-۹]{6}$/);
    expect((await confirm(`\u200f${typed.slice(0, 3)} ${typed.slice(3)}`)).statusCode).toBe(204);

    // Login: Arabic-Indic digits; a wrong code so typed is a wrong code (401), not malformed.
    t.clock.advanceMs(30_000);
    expect((await login()).json().error).toMatchObject({ code: 'TOTP_REQUIRED' });
    const right = await code();
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const refused = await login(arabic(wrong));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'totpCode' });
    const malformed = await login('۱۲۳');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'totpCode' });
    expect((await login(arabic(right))).statusCode).toBe(200);

    // Sign-in link: Persian digits.
    t.clock.advanceMs(30_000);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in-links',
      payload: { email: u.email },
    });
    expect(asked.statusCode).toBe(202);
    await drainOutbox(
      { db: t.database.db, clock: t.clock, config: t.deps.config },
      createDevMailboxSender(t.deps.config.dataDir, () => t.clock.now()),
    );
    const mail = readDevMailbox(t.deps.config.dataDir, 50).find((m) => m.to.includes(u.email))!;
    const token = /\/sign-in\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const redeem = (totpCode: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in-links/redeem',
        payload: { token, totpCode },
      });
    const badLink = await redeem('۱۲۳۴۵۶۷۸');
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error).toMatchObject({ field: 'totpCode' });
    expect((await redeem(persian(await code()))).statusCode).toBe(200);
  });
});
