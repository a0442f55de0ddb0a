import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/use-cases/auth/sign-in.js';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrg(t.database.db)).id;
});
afterAll(async () => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    headers,
  });

describe('sign-in', () => {
  it('returns a token and user, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    const res = await login(u.email, u.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.user.email).toBe(u.email);
    expect(body.user.memberships).toEqual([{ orgId, role: 'officer', courtId: null }]);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('accord_session=');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(u.id);
  });

  it('answers a wrong password and an unknown account identically', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    const wrong = await login(u.email, 'not the password', { 'x-forwarded-for': '1' });
    const unknown = await login('nobody-' + u.email, 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('does not store the token, only its hash', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    const { token } = (await login(u.email, u.password)).json();
    const rows = await t.database.db
      .selectFrom('auth_sessions')
      .select('token_hash')
      .where('user_id', '=', u.id)
      .execute();
    expect(rows.length).toBe(1);
    expect(rows[0]!.token_hash).not.toContain(token);
  });

  it('sign-out revokes the session', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    const { token } = (await login(u.email, u.password)).json();
    const auth = { authorization: `Bearer ${token}` };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth }))
        .statusCode,
    ).toBe(204);
    const me = await t.app.inject({ url: '/api/v1/me', headers: auth });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('sessions expire after the configured lifetime', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    const { token } = (await login(u.email, u.password)).json();
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(200);
    t.clock.advanceMs(t.deps.config.sessionTtlHours * 3_600_000 + 1000);
    expect((await t.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(401);
  });

  it('rate-limits repeated failures per account, even with the right password afterwards', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await login(u.email, 'wrong password')).statusCode).toBe(401);
    }
    const limited = await login(u.email, u.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // The window passes, and the right password works again.
    t.clock.advanceMs(16 * 60_000);
    expect((await login(u.email, u.password)).statusCode).toBe(200);
  });

  it('rate-limits per IP across accounts', async () => {
    // inject() comes from 127.0.0.1; use a fresh app so other tests' failures do not count.
    const other = await buildTestApp();
    try {
      let last = 0;
      for (let i = 0; i < 31; i++) {
        const r = await other.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `spray${i}@test.example`, password: 'guess' },
        });
        last = r.statusCode;
      }
      expect(last).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('cookie sessions and CSRF', () => {
  it('accepts a cookie-authenticated read, and refuses a cross-site write', async () => {
    const u = await createUser(t.database.db, { orgId, role: 'officer' });
    const { token } = (await login(u.email, u.password)).json();
    const cookie = `accord_session=${token}`;
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CSRF_REJECTED');
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(noOrigin.statusCode).toBe(403);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(same.statusCode).toBe(204);
  });
});

describe('staff accounts', () => {
  it('lets a director create a user, refuses a duplicate e-mail with 409, and writes nothing for bad input', async () => {
    const director = await createUser(t.database.db, { orgId, role: 'director' });
    const { token } = (await login(director.email, director.password)).json();
    const auth = { authorization: `Bearer ${token}` };
    const payload = {
      email: 'new.officer@test.example',
      password: 'a-long-enough-password',
      displayName: '新办事员',
      role: 'officer',
    };
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/users`,
      headers: auth,
      payload,
    });
    expect(created.statusCode).toBe(201);
    const count = async () =>
      (await t.database.db.selectFrom('users').select('id').execute()).length;
    const before = await count();
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/users`,
      headers: auth,
      payload: { ...payload, email: 'NEW.officer@test.example' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ALREADY_EXISTS');
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/users`,
      headers: auth,
      payload: { ...payload, email: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('email');
    expect(await count()).toBe(before);
  });

  it('refuses an officer of the organisation (403) and hides it from a director of another (404)', async () => {
    const officer = await createUser(t.database.db, { orgId, role: 'officer' });
    const otherOrg = await createOrg(t.database.db);
    const otherDirector = await createUser(t.database.db, { orgId: otherOrg.id, role: 'director' });
    for (const [u, status] of [
      [officer, 403],
      [otherDirector, 404],
    ] as const) {
      const { token } = (await login(u.email, u.password)).json();
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${orgId}/users`,
        headers: { authorization: `Bearer ${token}` },
        payload: {
          email: `x${u.id.slice(0, 5)}@test.example`,
          password: 'a-long-enough-password',
          displayName: 'x',
          role: 'officer',
        },
      });
      expect(r.statusCode).toBe(status);
    }
  });
});
