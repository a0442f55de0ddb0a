import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser, TEST_PASSWORD } from '../support/factories.js';
import { accountLockedNotice } from '../../src/mail/account-notice-catalog.js';
import { LOCKOUT_MINUTES, MAX_FAILURES_PER_ACCOUNT } from '../../src/use-cases/auth/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
});
afterAll(async () => t.close());

describe('the account-lock notice in the inbox', () => {
  it('reads as the e-mail does, in the screen’s language, not as its bare kind', async () => {
    const org = await createOrg(t.database.db);
    const u = await createUser(t.database.db, { orgId: org.id, role: 'officer', locale: 'en' });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: 'wrong password!' },
      });
    t.clock.set(
      new Date(
        Date.parse('2026-03-02T02:00:00.000Z') + (LOCKOUT_MINUTES + 1) * 60_000,
      ).toISOString(),
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const headers = { authorization: `Bearer ${login.json().token as string}` };
    const list = async (q: string) =>
      (await t.app.inject({ url: `/api/v1/notifications?${q}`, headers })).json().items as {
        kind: string;
        title: string;
        body: string;
      }[];
    const [en] = (await list('')).filter((n) => n.kind === 'account_locked');
    expect(en!.title).toBe(accountLockedNotice.en.subject);
    expect(en!.body).toContain(`After ${MAX_FAILURES_PER_ACCOUNT} failed sign-in attempts`);
    const [fa] = (await list('lang=fa')).filter((n) => n.kind === 'account_locked');
    expect(fa!.title).toBe(accountLockedNotice.fa.subject);
  });
});
