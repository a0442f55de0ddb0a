import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/domain/password-policy.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/use-cases/auth/sign-in.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrg(t.database.db)).id;
});
afterAll(async () => t.close());

const login = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (token: string) => t.app.inject({ url: '/api/v1/me', headers: bearer(token) });

async function signedIn(role: 'director' | 'officer' = 'officer') {
  const u = await createUser(t.database.db, { orgId, role });
  const r = await login({ email: u.email, password: u.password });
  expect(r.statusCode).toBe(200);
  return { ...u, token: r.json().token as string };
}

describe('password policy', () => {
  it('refuses short, breached and trivial passwords; accepts a long uncommon one', () => {
    expect(checkPassword('short-pw')).toBe('too_short');
    expect(checkPassword('qwerty123456')).toBe('breached');
    expect(checkPassword('Password2024!!')).toBe('breached');
    expect(checkPassword('abcabcabcabcabc')).toBe('too_simple');
    expect(checkPassword('linh.tran2026', ['linh.tran@test.example'])).toBe('too_simple');
    expect(checkPassword('correct horse battery staple')).toBeNull();
  });

  it('applies to staff accounts created by a director', async () => {
    const director = await signedIn('director');
    const create = (password: string, email: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${orgId}/users`,
        headers: bearer(director.token),
        payload: { email, password, displayName: 'New Officer', role: 'officer' },
      });
    const breached = await create('1qaz2wsx3edc', 'policy1@test.example');
    expect(breached.statusCode).toBe(400);
    expect(breached.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    expect(breached.json().error.details).toEqual({ rule: 'breached' });
    const users = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'policy1@test.example')
      .execute();
    expect(users).toEqual([]);
    expect((await create('tea-kettle-sunrise-42', 'policy2@test.example')).statusCode).toBe(201);
  });

  it('changes a password only with the current one, under the policy, ending other sessions', async () => {
    const u = await signedIn();
    const other = (await login({ email: u.email, password: u.password })).json().token as string;
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: bearer(u.token),
        payload: { currentPassword, newPassword },
      });
    expect((await change('wrong password!!', 'tea-kettle-sunrise-43')).json().error.field).toBe(
      'currentPassword',
    );
    const weak = await change(u.password, 'iloveyou12345');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('newPassword');
    expect((await change(u.password, 'tea-kettle-sunrise-43')).statusCode).toBe(204);
    expect((await me(u.token)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login({ email: u.email, password: u.password })).statusCode).toBe(401);
    expect((await login({ email: u.email, password: 'tea-kettle-sunrise-43' })).statusCode).toBe(
      200,
    );
  });
});

describe('session rotation', () => {
  it('revokes the session a browser presents when it signs in again', async () => {
    const u = await signedIn();
    const again = await login(
      { email: u.email, password: u.password },
      { cookie: `accord_session=${u.token}`, 'sec-fetch-site': 'same-origin' },
    );
    expect(again.statusCode).toBe(200);
    expect((await me(u.token)).statusCode).toBe(401);
    expect((await me(again.json().token)).statusCode).toBe(200);
  });
});

describe('TOTP two-factor', () => {
  it('enrols, confirms, then requires a fresh code at every sign-in', async () => {
    const u = await signedIn('director');
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/enroll',
      headers: bearer(u.token),
    });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json() as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Accord:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const row = await t.database.db
      .selectFrom('users')
      .select(['totp_secret_enc', 'totp_confirmed_at'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).not.toContain(secret);
    expect(row.totp_confirmed_at).toBeNull();

    // Pending enrolment does not yet change sign-in.
    expect((await login({ email: u.email, password: u.password })).statusCode).toBe(200);

    const code = (offsetSeconds = 0) =>
      generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds });
    const confirm = (c: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/totp/confirm',
        headers: bearer(u.token),
        payload: { code: c },
      });
    const wrong = String((Number(await code()) + 1) % 1_000_000).padStart(6, '0');
    expect((await confirm(wrong)).statusCode).toBe(400);
    expect((await confirm(await code())).statusCode).toBe(204);
    const reEnrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/enroll',
      headers: bearer(u.token),
    });
    expect(reEnrol.statusCode).toBe(409);

    const noCode = await login({ email: u.email, password: u.password });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    // The confirmation used this step's code; it cannot be replayed.
    const replay = await login({ email: u.email, password: u.password, totpCode: await code() });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_CREDENTIALS');
    t.clock.advanceMs(30_000);
    const ok = await login({ email: u.email, password: u.password, totpCode: await code() });
    expect(ok.statusCode).toBe(200);
    const badPassword = await login({
      email: u.email,
      password: 'not the password',
      totpCode: await code(),
    });
    expect(badPassword.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('lockout', () => {
  it('locks the account after repeated failures and notifies the owner', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await login({ email: u.email, password: 'wrong password' })).statusCode).toBe(401);
    }
    const user = await t.database.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(user.locked_until! > t.clock.now().toISOString()).toBe(true);
    const jobs = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'account_locked')
      .execute();
    expect(jobs.map((j) => JSON.parse(j.payload_json).userId)).toEqual([u.id]);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', u.id)
      .execute();
    expect(notes).toEqual([{ kind: 'account_locked' }]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'user.locked')
      .execute();
    expect(audit).toEqual([{ entity_id: u.id }]);

    const locked = await login({ email: u.email, password: u.password });
    expect(locked.statusCode).toBe(429);
    // Clearing the failure log does not lift the lock; only time does.
    await t.database.db.deleteFrom('login_failures').execute();
    expect((await login({ email: u.email, password: u.password })).statusCode).toBe(429);
    t.clock.advanceMs(16 * 60_000);
    expect((await login({ email: u.email, password: u.password })).statusCode).toBe(200);
  });
});
