import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import type { AppDeps } from '../../src/http/app-deps.js';
import { buildApp } from '../../src/http/build-app.js';
import { webDistDir } from '../../src/http/routes/web-routes.js';
import { sessionFor } from '../support/agreement-factories.js';
import {
  createAuthorizationWorld,
  injectAs,
  roles,
  type AuthorizationWorld,
  type Role,
} from '../support/authorization-world.js';
import { testConfig, type TestApp } from '../support/build-test-app.js';
import { createCourt, createMediator } from '../support/factories.js';
import { createTestDatabase } from '../support/test-database.js';
import {
  defaultParams,
  multipartFile,
  routePolicy,
  seesCase,
  type Expect,
} from './route-policy.js';

const pdfProbe = Buffer.from('%PDF-1.4\n% probe\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every route as the application registers it, seen through buildApp's onRoute observer. */
const registered: { method: Method; url: string }[] = [];
let t: TestApp;
let w: AuthorizationWorld;

beforeAll(async () => {
  const database = await createTestDatabase();
  const clock = fixedClock('2026-03-02T02:00:00.000Z');
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    clock,
    config: testConfig(database.dataDir),
  };
  const onRoute = (r: RouteOptions) => {
    for (const method of [r.method].flat())
      registered.push({ method: method as Method, url: r.url });
  };
  const app = await buildApp(deps, { logger: false, onRoute });
  await app.ready();
  t = {
    app,
    deps,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
  w = await createAuthorizationWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const policyKey = (r: { method: Method; url: string }) =>
  `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`;

async function auditRows(): Promise<number> {
  const r = await w.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function satisfies(expected: Expect, status: number): boolean {
  if (status >= 500) return false;
  if (expected === 'any') return true;
  if (expected === 'ok') return status !== 401 && status !== 403 && status !== 404;
  return status === expected;
}

function fillPath(url: string, params: Record<string, string>): string {
  return url
    .replace(/:(\w+)/g, (_, name: string) => {
      const v = params[name];
      if (v === undefined) throw new Error(`no value for :${name} in ${url}`);
      return encodeURIComponent(v);
    })
    .replace(/\*$/, 'matrix-probe');
}

describe('authorisation matrix: every route × every kind of caller', () => {
  it('has a declared policy for every registered route, and no policy for a route that is gone', () => {
    const keys = new Set(registered.map(policyKey));
    const missing = [...keys].filter((k) => !(k in routePolicy));
    const webBuilt = existsSync(join(webDistDir, 'index.html'));
    const stale = Object.entries(routePolicy)
      .filter(([k, p]) => !keys.has(k) && !(p.onlyWithWebBuild && !webBuilt))
      .map(([k]) => k);
    expect(missing, 'routes without an entry in test/trust/route-policy.ts').toEqual([]);
    expect(stale, 'policy entries for routes that are not registered').toEqual([]);
    // HEAD routes are Fastify's twins of GET routes, answering through the same handler.
    for (const r of registered.filter((x) => x.method === 'HEAD')) {
      expect(
        registered.some((x) => x.method === 'GET' && x.url === r.url),
        r.url,
      ).toBe(true);
    }
  });

  it('answers every caller exactly as the policy says (401, 403 where visible, 404 where not)', async () => {
    const leaks: string[] = [];
    let calls = 0;
    const slowest = new Map<string, number>();
    const allowedStatuses = new Map<number, number>();
    const started = Date.now();
    const cpu = process.cpuUsage();
    const call = async (route: { method: Method; url: string }, role: Role) => {
      const policy = routePolicy[policyKey(route)]!;
      const spec = (await policy.request?.(w, role)) ?? {};
      const url = fillPath(route.url, { ...defaultParams(w, route.url), ...spec.params });
      const query = spec.query ? `?${new URLSearchParams(spec.query).toString()}` : '';
      let headers: Record<string, string> = role === 'anonymous' ? {} : { ...w.as[role] };
      if (policy.freshSession && role !== 'anonymous') {
        headers = await sessionFor(w.db, w.users[role].id);
      }
      if (spec.raw) headers['content-type'] = spec.raw.contentType;
      const payload = spec.raw?.payload ?? spec.body;
      const callStarted = Date.now();
      const res = await injectAs(w, role, route.method, url + query, payload, headers);
      calls += 1;
      // The call ended every session of the caller, the shared one too: give them a new one.
      if (policy.endsEverySession && role !== 'anonymous') {
        w.as[role] = await sessionFor(w.db, w.users[role].id);
      }
      const expected = policy.expect[role];
      if (expected === 'ok')
        allowedStatuses.set(res.statusCode, (allowedStatuses.get(res.statusCode) ?? 0) + 1);
      const at = `${route.method} ${route.url} as ${role}`;
      if (!satisfies(expected, res.statusCode)) {
        const code = res.statusCode >= 400 ? ` ${res.body.slice(0, 160)}` : '';
        leaks.push(`${at}: expected ${expected}, got ${res.statusCode}${code}`);
      } else if (
        res.statusCode < 400 &&
        !policy.showsCaseToCredentialHolder &&
        !(seesCase as readonly string[]).includes(role) &&
        (res.body.includes(w.c1.id) || res.body.includes(w.c1.reference))
      ) {
        // Lists, dockets and reports must not show case C1 to those who may not see it.
        leaks.push(`${at}: ${res.statusCode} names case C1, which this caller may not see`);
      }
      const ms = Date.now() - callStarted;
      slowest.set(policyKey(route), (slowest.get(policyKey(route)) ?? 0) + ms);
    };

    for (const route of registered) {
      const policy = routePolicy[policyKey(route)];
      if (!policy) continue;
      let refused = roles.filter((r) => policy.expect[r] !== 'ok');
      let allowed = roles.filter((r) => policy.expect[r] === 'ok');
      if (route.method === 'HEAD') {
        // A HEAD route runs its GET twin's handler and hooks: one caller refused for each reason
        // shows that they apply; repeating the allowed ones would only render every PDF twice.
        refused = [...new Set(refused.map((r) => policy.expect[r]))].map((e) =>
          refused.find((r) => policy.expect[r] === e)!,
        );
        allowed = [];
      }
      // Refused callers first and together (they must not change anything), then the allowed
      // ones one after the other, so that each sees the last one's effect (and the PDF engine
      // is not asked for five documents at once).
      await Promise.all(refused.map((r) => call(route, r)));
      for (const r of allowed) await call(route, r);
    }
    const used = process.cpuUsage(cpu);
    process.stdout.write(
      `authorisation matrix: ${registered.length} routes × ${roles.length} callers = ` +
        `${registered.length * roles.length} cells, ${calls} calls (HEAD twins: one refused ` +
        `caller per reason), ` +
        `${leaks.length} mismatches, ${Date.now() - started} ms ` +
        `(${Math.round((used.user + used.system) / 1000)} ms CPU); allowed callers got ` +
        [...allowedStatuses.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([status, n]) => `${status}×${n}`)
          .join(' ') +
        '; slowest: ' +
        [...slowest.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([k, ms]) => `${k} ${ms} ms`)
          .join(', ') +
        '\n',
    );
    expect(leaks).toEqual([]);
  }, 300_000);

  it("refuses another case's records through a case one may see (no IDOR)", async () => {
    // Case C2 in the path, a record of case C1 after it: partyB (C2's party, who cannot see C1)
    // must learn nothing and change nothing; the officer (who sees both) must not act either.
    const subRecord = /:(agreementId|sessionId|documentId|messageId|followUpId|partyId)\b/;
    const problems: string[] = [];
    let calls = 0;
    for (const route of registered) {
      if (route.method === 'HEAD' || !subRecord.test(route.url)) continue;
      const policy = routePolicy[policyKey(route)];
      if (!policy) continue;
      for (const role of ['partyB', 'officer'] as const) {
        const spec = (await policy.request?.(w, role)) ?? {};
        const params = { ...defaultParams(w, route.url), ...spec.params };
        params.id = params.caseId = w.c2.id;
        const url = fillPath(route.url, params);
        const { version } = await w.db
          .selectFrom('cases')
          .select('version')
          .where('id', '=', w.c2.id)
          .executeTakeFirstOrThrow();
        const body =
          spec.body && typeof spec.body === 'object' && 'version' in spec.body
            ? { ...spec.body, version }
            : spec.body;
        const headers: Record<string, string> = { ...w.as[role] };
        if (spec.raw) headers['content-type'] = spec.raw.contentType;
        const query = spec.query ? `?${new URLSearchParams(spec.query).toString()}` : '';
        const res = await injectAs(
          w,
          role,
          route.method,
          url + query,
          spec.raw?.payload ?? body,
          headers,
        );
        calls += 1;
        const fine =
          role === 'partyB'
            ? [400, 403, 404].includes(res.statusCode)
            : res.statusCode >= 400 && res.statusCode < 500;
        if (!fine) {
          problems.push(
            `${route.method} ${route.url} as ${role}: ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
      }
    }
    process.stdout.write(`cross-case records: ${calls} calls, ${problems.length} problems\n`);
    expect(calls).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 60_000);

  it("keeps each side's private caucus from the other side, in every list and download", async () => {
    // The world holds a message of the respondent's caucus with a file shared in it. The team
    // (mediatorOn, the officer, the director) and the respondent read both; partyA, the other
    // side of the same case, and everybody else get neither, and a 404 where they ask by name.
    const readers = new Set<string>(['mediatorOn', 'officer', 'director', 'respondent']);
    const callers = [...roles, 'respondent'] as const;
    const headersOf = (r: (typeof callers)[number]) =>
      r === 'respondent' ? w.asRespondent : r === 'anonymous' ? {} : w.as[r];
    const problems: string[] = [];
    const base = `/api/v1/cases/${w.c1.id}`;
    for (const r of callers) {
      const get = (url: string) => w.app.inject({ method: 'GET', url, headers: headersOf(r) });
      const thread = await get(`${base}/messages`);
      const evidence = await get(`${base}/documents`);
      const file = await get(`${base}/documents/${w.caucusDocumentId}/content`);
      const reads = readers.has(r);
      const sees = (body: string, id: string) => body.includes(id);
      if (reads !== (thread.statusCode === 200 && sees(thread.body, w.caucusMessageId)))
        problems.push(`${r}: caucus message in thread = ${!reads} (${thread.statusCode})`);
      if (thread.statusCode === 200 && !reads && thread.body.includes('caucus_respondent'))
        problems.push(`${r}: thread names the respondent's caucus`);
      if (reads !== (evidence.statusCode === 200 && sees(evidence.body, w.caucusDocumentId)))
        problems.push(`${r}: caucus file in evidence = ${!reads} (${evidence.statusCode})`);
      if (reads ? file.statusCode !== 200 : ![401, 404].includes(file.statusCode))
        problems.push(`${r}: caucus file download ${file.statusCode}`);
    }
    // The court's copy of the dossier leaves the caucus file out; the committee's keeps it (zip
    // entry names are stored uncompressed, so the name shows whether the file was packed).
    for (const [r, packed] of [
      ['liaison', false],
      ['officer', true],
    ] as const) {
      const zip = await injectAs(w, r, 'GET', `${base}/dossier.zip`, undefined);
      expect(zip.statusCode).toBe(200);
      if (zip.rawPayload.includes('settlement-limit.pdf') !== packed)
        problems.push(`${r}: dossier.zip packs the caucus file = ${!packed}`);
    }
    // partyA cannot write into, upload into or mark read the respondent's caucus: 404, no trace.
    const before = await auditRows();
    const post = await injectAs(w, 'partyA', 'POST', `${base}/messages`, {
      visibility: 'caucus_respondent',
      language: 'ar',
      body: 'Let me in.',
    });
    const probe = multipartFile(pdfProbe, 'x.pdf');
    const upload = await w.app.inject({
      method: 'POST',
      url: `${base}/documents?channel=caucus_respondent`,
      headers: { ...w.as.partyA, 'content-type': probe.contentType },
      payload: probe.payload,
    });
    const mark = await injectAs(
      w,
      'partyA',
      'PUT',
      `${base}/messages/read-positions/caucus_respondent`,
      {
        upTo: w.caucusMessageId,
      },
    );
    for (const [what, res] of [
      ['post', post],
      ['upload', upload],
      ['mark read', mark],
    ] as const) {
      if (res.statusCode !== 404)
        problems.push(`partyA ${what} into the respondent's caucus: ${res.statusCode}`);
    }
    if ((await auditRows()) !== before)
      problems.push("partyA's refused caucus writes left audit rows");
    // And the other way round: partyA's own caucus never reaches the respondent.
    const own = await injectAs(w, 'partyA', 'POST', `${base}/messages`, {
      visibility: 'caucus_applicant',
      language: 'ar',
      body: 'رسالة خاصة إلى الوسطاء',
    });
    expect(own.statusCode).toBe(201);
    const respondentThread = await w.app.inject({
      method: 'GET',
      url: `${base}/messages`,
      headers: w.asRespondent,
    });
    const applicantThread = await injectAs(w, 'partyA', 'GET', `${base}/messages`, undefined);
    if (respondentThread.body.includes(own.json().id as string))
      problems.push("the respondent sees partyA's caucus message");
    expect(
      (applicantThread.json().channels as { channel: string }[]).map((c) => c.channel),
    ).toEqual(['everyone', 'caucus_applicant']);
    expect(
      (respondentThread.json().channels as { channel: string }[]).map((c) => c.channel),
    ).toEqual(['everyone', 'caucus_respondent']);
    expect(problems).toEqual([]);
  });

  it('refuses records of another case or committee named in a request body, writing nothing', async () => {
    // Staff allowed on case C2 name things that belong elsewhere: C1's document or party, the
    // other committee's mediator or court. Each must be refused (4xx) without an audit row.
    const foreignMediator = await createMediator(w.db, { orgId: w.org2Id });
    const foreignCourt = await createCourt(w.db, w.org2Id);
    const c2Version = async () =>
      (
        await w.db
          .selectFrom('cases')
          .select('version')
          .where('id', '=', w.c2.id)
          .executeTakeFirstOrThrow()
      ).version;
    const attempts: [Role, 'POST' | 'PUT', string, () => Promise<unknown>][] = [
      [
        'officer',
        'POST',
        `/api/v1/cases/${w.c2.id}/messages`,
        async () => ({ language: 'en', body: 'See attached.', documentIds: [w.documentId] }),
      ],
      [
        'officer',
        'POST',
        `/api/v1/cases/${w.c2.id}/sessions`,
        async () => ({
          version: await c2Version(),
          startsAt: '2026-03-26T10:00',
          timeZone: 'Asia/Shanghai',
          durationMinutes: 60,
          mode: 'in_person',
          room: 'Room 3',
          participants: [{ kind: 'party', id: w.c1.applicantPartyId }],
        }),
      ],
      [
        'officer',
        'PUT',
        `/api/v1/cases/${w.c2.id}/team`,
        async () => ({ version: await c2Version(), lead: foreignMediator.id, lawyer: w.lawyerId }),
      ],
      [
        'officer',
        'POST',
        `/api/v1/cases/${w.c2.id}/extension-consents`,
        async () => ({ partyId: w.c1.applicantPartyId }),
      ],
      [
        'officer',
        'PUT',
        `/api/v1/orgs/${w.orgId}/duty-rota/2026-03-11`,
        async () => ({ mediatorIds: [foreignMediator.id] }),
      ],
      [
        'director',
        'POST',
        `/api/v1/orgs/${w.orgId}/users`,
        async () => ({
          email: 'liaison-elsewhere@matrix.example',
          password: 'a long enough password 4711',
          displayName: 'Liaison',
          role: 'court_liaison',
          courtId: foreignCourt.id,
        }),
      ],
    ];
    const problems: string[] = [];
    for (const [role, method, url, body] of attempts) {
      const before = await auditRows();
      const res = await injectAs(w, role, method, url, await body());
      // 400 naming the field, or 404: never a state or version answer that means it got further.
      if (![400, 404].includes(res.statusCode) || (await auditRows()) !== before) {
        problems.push(`${method} ${url} as ${role}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
