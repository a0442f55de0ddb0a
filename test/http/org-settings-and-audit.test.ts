import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
let director: Record<string, string>;
let officer: Record<string, string>;
let foreignDirector: Record<string, string>;

async function login(u: { email: string; password: string }) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: u.email, password: u.password },
  });
  expect(r.statusCode).toBe(200);
  return { authorization: `Bearer ${r.json().token as string}` };
}

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-01T00:00:00.000Z' });
  orgId = (await createOrg(t.database.db)).id;
  otherOrgId = (await createOrg(t.database.db)).id;
  director = await login(await createUser(t.database.db, { orgId, role: 'director' }));
  officer = await login(await createUser(t.database.db, { orgId, role: 'officer' }));
  foreignDirector = await login(
    await createUser(t.database.db, { orgId: otherOrgId, role: 'director' }),
  );
});
afterAll(async () => t.close());

const slugOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).slug;

describe('organisation settings', () => {
  it('lets the director withdraw and republish the public figures, audited, and the public page follows', async () => {
    const slug = await slugOf(orgId);
    const before = await t.app.inject({ url: `/api/v1/orgs/${orgId}/settings`, headers: officer });
    expect(before.statusCode).toBe(200);
    expect(before.json().publicFigures).toBe(true);
    expect(before.json().matchingWeights).toEqual(before.json().defaultMatchingWeights);

    const off = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/settings/public-figures`,
      headers: director,
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ publicFigures: false });
    const hidden = await t.app.inject({ url: `/api/v1/public/summary?orgSlug=${slug}` });
    expect(hidden.statusCode).toBe(404);

    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/settings/public-figures`,
      headers: director,
      payload: { enabled: true },
    });
    const shown = await t.app.inject({ url: `/api/v1/public/summary?orgSlug=${slug}` });
    expect(shown.statusCode).toBe(200);

    const audit = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/audit-events?limit=10`,
      headers: director,
    });
    expect(audit.statusCode).toBe(200);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 2)).toEqual(['org.public_figures_set', 'org.public_figures_set']);
    expect(audit.json().items[0].summary).toEqual({ publicFigures: true });
  });

  it('refuses an officer (403), another org (404), anonymous (401) and a malformed body (400), changing nothing', async () => {
    const url = `/api/v1/orgs/${orgId}/settings/public-figures`;
    const byOfficer = await t.app.inject({
      method: 'PUT',
      url,
      headers: officer,
      payload: { enabled: false },
    });
    expect(byOfficer.statusCode).toBe(403);
    const byStranger = await t.app.inject({
      method: 'PUT',
      url,
      headers: foreignDirector,
      payload: { enabled: false },
    });
    expect(byStranger.statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/v1/orgs/${orgId}/settings`, headers: foreignDirector }))
        .statusCode,
    ).toBe(404);
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: { enabled: false } });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: director,
      payload: { enabled: 'no', extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const now = await t.app.inject({ url: `/api/v1/orgs/${orgId}/settings`, headers: director });
    expect(now.json().publicFigures).toBe(true);
  });
});

describe('audit log viewer', () => {
  it('pages newest first by sequence and verifies the chain', async () => {
    for (const enabled of [false, true, false, true]) {
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/orgs/${orgId}/settings/public-figures`,
        headers: director,
        payload: { enabled },
      });
    }
    const first = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/audit-events?limit=3`,
      headers: director,
    });
    const p1 = first.json();
    expect(p1.items).toHaveLength(3);
    expect(p1.items[0].seq).toBeGreaterThan(p1.items[2].seq);
    const second = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/audit-events?limit=3&beforeSeq=${p1.nextBeforeSeq}`,
      headers: director,
    });
    expect(second.json().items[0].seq).toBe(p1.items[2].seq - 1);
    const verified = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/audit-events/verification`,
      headers: director,
    });
    expect(verified.json()).toEqual({ ok: true, brokenAtSeq: null, reason: null });

    // Tamper with one row behind the application's back: the viewer's check names it.
    const victim = p1.items[1].seq as number;
    await t.database.db
      .updateTable('audit_events')
      .set({ summary_json: '{"publicFigures":"tampered"}' })
      .where('org_id', '=', orgId)
      .where('seq', '=', victim)
      .execute();
    const broken = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/audit-events/verification`,
      headers: director,
    });
    expect(broken.json()).toEqual({ ok: false, brokenAtSeq: victim, reason: 'hash_mismatch' });
  });

  it('is the director’s alone: officer 403, another org’s director 404', async () => {
    const url = `/api/v1/orgs/${orgId}/audit-events`;
    expect((await t.app.inject({ url, headers: officer })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: foreignDirector })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});
