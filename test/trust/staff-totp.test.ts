import { spawnSync } from 'node:child_process';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_SLUG, seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { setStaffTotpRequirement } from '../../src/use-cases/orgs/set-staff-totp-requirement.js';
import { hashToken } from '../../src/use-cases/auth/issue-session-token.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCase, createOrg, createUser } from '../support/factories.js';

let t: TestApp;
let strictOrg: string;
let relaxedOrg: string;
let strictCase: string;
beforeAll(async () => {
  t = await buildTestApp();
  strictOrg = (await createOrg(t.database.db, { requireStaffTotp: true })).id;
  relaxedOrg = (await createOrg(t.database.db)).id;
  strictCase = (await createCase(t.database.db, { orgId: strictOrg, status: 'submitted' })).id;
});
afterAll(async () => t.close());

const login = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (url: string, token: string) => t.app.inject({ url, headers: bearer(token) });
const post = (url: string, token: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object });

async function passwordSignIn(u: { email: string; password: string }) {
  const r = await login({ email: u.email, password: u.password });
  expect(r.statusCode).toBe(200);
  return r.json() as { token: string; totpEnrollmentRequired: boolean };
}

const sessionRow = (token: string) =>
  t.database.db
    .selectFrom('auth_sessions')
    .select(['id', 'revoked_at', 'restriction'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirstOrThrow();

describe('staff two-factor requirement (org setting, on by default)', () => {
  it('is on for a new organisation unless turned off', async () => {
    const orgs = await t.database.db
      .selectFrom('organizations')
      .select(['id', 'require_staff_totp'])
      .where('id', 'in', [strictOrg, relaxedOrg])
      .execute();
    expect(Object.fromEntries(orgs.map((o) => [o.id, o.require_staff_totp]))).toEqual({
      [strictOrg]: 1,
      [relaxedOrg]: 0,
    });
    // The column default, as a committee created without the test factory gets it.
    await t.database.db
      .insertInto('organizations')
      .values({
        id: '00000000-0000-4000-8000-00000000c0de',
        slug: 'default-setting-probe',
        name: '默认',
        name_en: 'Default',
        reference_prefix: '默调',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const probe = await t.database.db
      .selectFrom('organizations')
      .select('require_staff_totp')
      .where('slug', '=', 'default-setting-probe')
      .executeTakeFirstOrThrow();
    expect(probe.require_staff_totp).toBe(1);
  });

  it('confines an unenrolled officer to enrolment, then frees the session once TOTP is confirmed', async () => {
    const u = await createUser(t.database.db, { orgId: strictOrg, role: 'officer', locale: 'fr' });
    const s = await passwordSignIn(u);
    expect(s.totpEnrollmentRequired).toBe(true);
    expect((await sessionRow(s.token)).restriction).toBe('totp_enrollment');

    // Everything else under /api answers 403 with the code, translated.
    for (const [method, url] of [
      ['GET', '/api/v1/cases'],
      ['GET', `/api/v1/cases/${strictCase}`],
      ['GET', '/api/v1/stats/summary'],
      ['GET', '/api/v1/notifications'],
      ['POST', '/api/v1/me/password'],
      ['POST', '/api/v1/cases'],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: bearer(s.token), payload: {} });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
      expect(r.json().error.message).toContain('deux facteurs');
    }
    // /me says what is needed; the web page itself is not an API route and is still served.
    const me = await get('/api/v1/me', s.token);
    expect(me.statusCode).toBe(200);
    expect(me.json().totpEnrollmentRequired).toBe(true);
    expect((await get('/', s.token)).statusCode).not.toBe(403);

    const enrol = await post('/api/v1/me/totp/enroll', s.token);
    expect(enrol.statusCode).toBe(200);
    const { secret } = enrol.json() as { secret: string };
    const code = () => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    expect(
      (await post('/api/v1/me/totp/confirm', s.token, { code: await code() })).statusCode,
    ).toBe(204);

    // The same session now reaches the rest of the API.
    expect((await get('/api/v1/cases', s.token)).statusCode).toBe(200);
    expect((await get('/api/v1/me', s.token)).json().totpEnrollmentRequired).toBe(false);
    expect((await sessionRow(s.token)).restriction).toBeNull();

    // From now on the password alone is not enough, and a signed-in session is unrestricted.
    const noCode = await login({ email: u.email, password: u.password });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    t.clock.advanceMs(30_000);
    const withCode = await login({ email: u.email, password: u.password, totpCode: await code() });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().totpEnrollmentRequired).toBe(false);
    expect((await get('/api/v1/cases', withCode.json().token)).statusCode).toBe(200);
  });

  it('applies to directors, not to mediators, court liaisons or staff of an organisation that turned it off', async () => {
    const director = await createUser(t.database.db, { orgId: strictOrg, role: 'director' });
    const d = await passwordSignIn(director);
    expect(d.totpEnrollmentRequired).toBe(true);
    expect((await get('/api/v1/stats/summary', d.token)).statusCode).toBe(403);

    for (const role of ['mediator', 'court_liaison'] as const) {
      const u = await createUser(t.database.db, { orgId: strictOrg, role });
      const s = await passwordSignIn(u);
      expect(s.totpEnrollmentRequired, role).toBe(false);
      expect((await get('/api/v1/me/cases', s.token)).statusCode, role).not.toBe(403);
    }
    const relaxedOfficer = await createUser(t.database.db, { orgId: relaxedOrg, role: 'officer' });
    const r = await passwordSignIn(relaxedOfficer);
    expect(r.totpEnrollmentRequired).toBe(false);
    expect((await get('/api/v1/cases', r.token)).statusCode).toBe(200);
  });

  it('lets a restricted session sign out', async () => {
    const u = await createUser(t.database.db, { orgId: strictOrg, role: 'officer' });
    const s = await passwordSignIn(u);
    expect((await post('/api/v1/auth/logout', s.token)).statusCode).toBe(204);
    expect((await get('/api/v1/me', s.token)).statusCode).toBe(401);
  });

  it('reaches live sessions when the setting changes, and records the change in the audit trail', async () => {
    const u = await createUser(t.database.db, { orgId: relaxedOrg, role: 'officer' });
    const s = await passwordSignIn(u);
    expect((await get('/api/v1/cases', s.token)).statusCode).toBe(200);
    const relaxedSlug = (
      await t.database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', relaxedOrg)
        .executeTakeFirstOrThrow()
    ).slug;

    const on = await setStaffTotpRequirement(t.deps, { orgSlug: relaxedSlug, required: true });
    expect(on).toMatchObject({ orgSlug: relaxedSlug, requireStaffTotp: true });
    expect(on.sessionsRestricted).toBeGreaterThanOrEqual(1);
    const refused = await get('/api/v1/cases', s.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');

    const off = await setStaffTotpRequirement(t.deps, { orgSlug: relaxedSlug, required: false });
    expect(off.sessionsFreed).toBeGreaterThanOrEqual(1);
    expect((await get('/api/v1/cases', s.token)).statusCode).toBe(200);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', relaxedOrg)
      .where('action', 'like', 'org.staff_totp_%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'org.staff_totp_required',
      'org.staff_totp_optional',
    ]);
  });

  it('keeps the demo committee on password-only sign-in, and `accord org set` turns the requirement on', async () => {
    await seedDemoCommittee(t.database.db);
    const demo = await passwordSignIn({ email: 'officer@demo.example', password: 'accord-demo' });
    expect(demo.totpEnrollmentRequired).toBe(false);
    expect((await get('/api/v1/cases', demo.token)).statusCode).toBe(200);

    const target = t.database.target;
    const env: Record<string, string | undefined> = {
      ...process.env,
      ACCORD_DATA_DIR: t.database.dataDir,
      ACCORD_LOG_LEVEL: 'silent',
    };
    if (target.engine === 'postgres') env.DATABASE_URL = target.url;
    else delete env.DATABASE_URL;
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'org',
        'set',
        '--org',
        DEMO_ORG_SLUG,
        '--require-staff-totp',
        'on',
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env,
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`${DEMO_ORG_SLUG}: staff two-factor sign-in required`);
    const after = await get('/api/v1/cases', demo.token);
    expect(after.statusCode).toBe(403);
    expect(
      (await passwordSignIn({ email: 'officer@demo.example', password: 'accord-demo' }))
        .totpEnrollmentRequired,
    ).toBe(true);
    // Parties and mediators of the demo are not staff who need it.
    expect(
      (await passwordSignIn({ email: 'mediator@demo.example', password: 'accord-demo' }))
        .totpEnrollmentRequired,
    ).toBe(false);
    await setStaffTotpRequirement(t.deps, { orgSlug: DEMO_ORG_SLUG, required: false });
  }, 180_000);
});

describe('session rotation at sign-in', () => {
  it('issues a fresh session id and revokes the session whose cookie was presented', async () => {
    const u = await createUser(t.database.db, { orgId: relaxedOrg, role: 'officer' });
    const first = await passwordSignIn(u);
    const firstRow = await sessionRow(first.token);
    const second = await login(
      { email: u.email, password: u.password },
      { cookie: `accord_session=${first.token}`, 'sec-fetch-site': 'same-origin' },
    );
    expect(second.statusCode).toBe(200);
    const token2 = second.json().token as string;
    expect(token2).not.toBe(first.token);
    expect(String(second.headers['set-cookie'])).toContain(`accord_session=${token2}`);
    const secondRow = await sessionRow(token2);
    expect(secondRow.id).not.toBe(firstRow.id);
    expect(secondRow.revoked_at).toBeNull();
    expect((await sessionRow(first.token)).revoked_at).toBe(t.clock.now().toISOString());
    expect((await get('/api/v1/me', first.token)).statusCode).toBe(401);
    expect((await get('/api/v1/me', token2)).statusCode).toBe(200);
  });

  it('also replaces a restricted session when the user signs in again', async () => {
    const u = await createUser(t.database.db, { orgId: strictOrg, role: 'officer' });
    const first = await passwordSignIn(u);
    const again = await login(
      { email: u.email, password: u.password },
      { cookie: `accord_session=${first.token}`, 'sec-fetch-site': 'same-origin' },
    );
    expect(again.statusCode).toBe(200);
    expect((await sessionRow(first.token)).revoked_at).not.toBeNull();
    expect((await sessionRow(again.json().token)).restriction).toBe('totp_enrollment');
  });
});
