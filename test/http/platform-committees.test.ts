import { spawnSync } from 'node:child_process';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpSender, type MailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { sessionFor } from '../support/agreement-factories.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { submitThroughApi } from '../support/case-factories.js';
import { createOrg, createUser } from '../support/factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/notification-factories.js';
import { testEngine } from '../support/test-database.js';

let t: TestApp;
let smtp: TestSmtpServer;
let sender: MailSender;
let admin: Record<string, string>;
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
  const u = await createUser(t.database.db, { email: 'platform-admin@accord.example' });
  await t.database.db
    .updateTable('users')
    .set({ platform_admin: 1 })
    .where('id', '=', u.id)
    .execute();
  admin = await sessionFor(t.database.db, u.id);
});
afterAll(async () => {
  sender.close();
  await smtp.close();
  await t.close();
});

// Prefixes are letters only: a distinct one per committee from the heavenly stems.
const stems = '甲乙丙丁戊己庚辛壬癸';
const committee = (o: Record<string, unknown> = {}) => {
  const n = ++seq;
  return {
    slug: `new-committee-${n}`,
    names: { 'zh-CN': `新调解委员会 ${n}`, en: `New committee ${n}`, fa: `کمیته تازه ${n}` },
    referencePrefix: `外调${stems[n % 10]!}${stems[Math.floor(n / 10) % 10]!}`,
    timeZone: 'Asia/Shanghai',
    dockingCourts: [{ names: { 'zh-CN': '新法院', en: 'New court' } }],
    director: { email: `director-${n}@committee.example`, locale: 'en' },
    ...o,
  };
};
const create = (body: unknown, headers = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers, payload: body as object });
const get = (url: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, headers });

async function mailTo(to: string) {
  await drainOutbox({ db: t.database.db, clock: t.clock, config: t.deps.config }, sender);
  return smtp.accepted.filter((m) => m.to && JSON.stringify(m.to).includes(to));
}

describe(`a platform administrator onboards a committee without SQL, on ${testEngine}`, () => {
  it('creates the committee; its director signs in from the e-mailed link, enrols TOTP and sees it empty; its first application takes the new prefix', async () => {
    const body = committee({ referencePrefix: '义新调' });
    const r = await create(body);
    expect(r.statusCode).toBe(201);
    const { orgId, directorUserId } = r.json() as { orgId: string; directorUserId: string };

    const db = t.database.db;
    const org = await db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      slug: body.slug,
      reference_prefix: '义新调',
      time_zone: 'Asia/Shanghai',
      name_en: body.names.en,
    });
    expect(JSON.parse(org.names_json)).toEqual({ fa: body.names.fa });
    expect(Number(org.require_staff_totp)).toBe(1);
    const courts = await db
      .selectFrom('courts')
      .select(['name', 'name_en'])
      .where('org_id', '=', orgId)
      .execute();
    expect(courts).toEqual([{ name: '新法院', name_en: 'New court' }]);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'seq'])
      .where('org_id', '=', orgId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['org.created']);

    // The director's invitation is a sign-in link; the account has no password, so the link
    // opens a session that reaches TOTP enrolment only.
    const mails = await mailTo(body.director.email);
    expect(mails).toHaveLength(1);
    const token = /\/sign-in\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text ?? '')?.[1];
    expect(token).toBeDefined();
    const redeemed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in-links/redeem',
      payload: { token },
    });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.json().user.id ?? directorUserId).toBe(directorUserId);
    const director = { authorization: `Bearer ${redeemed.json().token as string}` };
    expect((await get('/api/v1/cases', director)).json().error.code).toBe(
      'TOTP_ENROLLMENT_REQUIRED',
    );
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/enroll',
      headers: director,
    });
    expect(enrol.statusCode).toBe(200);
    const code = await generate({
      secret: enrol.json().secret as string,
      epoch: Math.floor(t.clock.now().getTime() / 1000),
    });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/confirm',
      headers: director,
      payload: { code },
    });
    expect(confirmed.statusCode).toBe(204);
    const empty = await get('/api/v1/cases', director);
    expect(empty.statusCode).toBe(200);
    expect(empty.json().items).toEqual([]);
    expect((await get(`/api/v1/orgs/${orgId}/settings`, director)).statusCode).toBe(200);

    const first = await submitThroughApi(t, { orgSlug: body.slug });
    expect(first.reference).toBe('(2026) 义新调 No. 0001');
    const seen = await get('/api/v1/cases', director);
    expect(seen.json().items.map((c: { id: string }) => c.id)).toEqual([first.id]);

    // The administrator sees the committee's headline figures, never the case.
    const list = await get('/api/v1/orgs', admin);
    expect(list.statusCode).toBe(200);
    const row = (list.json().items as { id: string }[]).find((i) => i.id === orgId);
    expect(row).toMatchObject({
      slug: body.slug,
      referencePrefix: '义新调',
      casesAccepted: 0,
      casesConcluded: 0,
      successRate: null,
      year: 2026,
    });
    expect(JSON.stringify(list.json())).not.toContain(first.id);
  });

  it('links an existing account as director instead of creating a second one', async () => {
    const existing = await createUser(t.database.db, {
      email: `existing-${++seq}@committee.example`,
    });
    const r = await create(committee({ director: { email: existing.email.toUpperCase() } }));
    expect(r.statusCode).toBe(201);
    expect(r.json().directorUserId).toBe(existing.id);
  });

  it('refuses a taken prefix or slug, an unknown time zone and a missing English name with the field, never 5xx', async () => {
    const first = committee();
    expect((await create(first)).statusCode).toBe(201);
    const dupPrefix = await create(committee({ referencePrefix: first.referencePrefix }));
    expect(dupPrefix.statusCode).toBe(409);
    expect(dupPrefix.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      field: 'referencePrefix',
    });
    const dupSlug = await create(committee({ slug: first.slug }));
    expect(dupSlug.statusCode).toBe(409);
    expect(dupSlug.json().error.field).toBe('slug');
    const zone = await create(committee({ timeZone: 'Asia/Atlantis' }));
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'timeZone' });
    const noEn = await create(committee({ names: { 'zh-CN': '只有中文' } }));
    expect(noEn.statusCode).toBe(400);
    expect(noEn.json().error.field).toBe('names.en');
    const badPrefix = await create(committee({ referencePrefix: 'A-1' }));
    expect(badPrefix.statusCode).toBe(400);
  });

  it('answers 404 to everyone but the administrator, and the administrator 404 on every committee and case route', async () => {
    const org = await createOrg(t.database.db, { prefix: '测调' });
    const slug = (
      await t.database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow()
    ).slug;
    const director = await sessionFor(
      t.database.db,
      (await createUser(t.database.db, { orgId: org.id, role: 'director' })).id,
    );
    expect((await get('/api/v1/orgs', director)).statusCode).toBe(404);
    expect((await create(committee(), director)).statusCode).toBe(404);

    const c = await submitThroughApi(t, { orgSlug: slug });
    for (const path of ['', '/messages', '/documents', '/sessions']) {
      const r = await get(`/api/v1/cases/${c.id}${path}`, admin);
      expect(r.statusCode, path).toBe(404);
    }
    for (const path of ['settings', 'audit-events', 'mediators']) {
      expect((await get(`/api/v1/orgs/${org.id}/${path}`, admin)).statusCode, path).toBe(404);
    }
    const own = await get('/api/v1/cases', admin);
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toEqual([]);
    expect(JSON.stringify(own.json())).not.toContain(c.id);
  });
});

describe(`accord admin create, as a separate process, on ${testEngine}`, () => {
  it('creates a platform administrator, queues its sign-in link and prints no secret', () => {
    const env = {
      ...process.env,
      ACCORD_LOG_LEVEL: 'silent',
      ACCORD_SECRET: 'x'.repeat(40),
    } as NodeJS.ProcessEnv;
    const target = t.database.target;
    if (target.engine === 'sqlite') {
      env.ACCORD_DATA_DIR = t.database.dataDir;
      delete env.DATABASE_URL;
    } else {
      env.DATABASE_URL = target.url;
    }
    const run = (...args: string[]) => {
      const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'admin', 'create', ...args], {
        env,
        encoding: 'utf8',
      });
      return { output: r.stdout + r.stderr, status: r.status };
    };
    const first = run('--email', 'Second-Admin@Accord.example', '--name', 'Second Admin');
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(
      /^created platform administrator [0-9a-f-]{36}; sign-in link queued by e-mail\n$/,
    );
    const again = run('--email', 'second-admin@accord.example');
    expect(again.status).toBe(0);
    expect(again.output).toContain('promoted platform administrator');
    expect(run('--email', 'not-an-address').status).toBe(2);
  });

  it('left the account flagged, with no membership, and two sign-in links queued', async () => {
    const db = t.database.db;
    const u = await db
      .selectFrom('users')
      .select(['id', 'platform_admin', 'password_hash', 'display_name'])
      .where('email', '=', 'second-admin@accord.example')
      .executeTakeFirstOrThrow();
    expect(Number(u.platform_admin)).toBe(1);
    expect(u.password_hash).toBeNull();
    expect(u.display_name).toBe('Second Admin');
    expect(
      await db.selectFrom('memberships').select('id').where('user_id', '=', u.id).execute(),
    ).toEqual([]);
    const queued = await db
      .selectFrom('outbox')
      .select('idempotency_key')
      .where('idempotency_key', 'like', 'sign_in_link:platform-admin:%')
      .execute();
    expect(queued).toHaveLength(2);
  });
});
