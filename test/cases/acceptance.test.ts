import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { createMailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { defaultWorkerOptions, drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import {
  bearerFor,
  caseVersion,
  intakePayload,
  orgSlugOf,
  signInAsParty,
  submitThroughApi,
} from '../support/case-factories.js';

let t: TestApp;
let orgId: string;
let orgSlug: string;
// Other committees exist in this database; applications name theirs.
const submit = (o: Record<string, unknown> = {}) => submitThroughApi(t, { orgSlug, ...o });
let officer: Record<string, string>;
let director: Record<string, string>;
let officerUser: { email: string; password: string };
let directorUser: { email: string; password: string };
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
  officerUser = await createUser(t.database.db, { orgId, role: 'officer' });
  directorUser = await createUser(t.database.db, { orgId, role: 'director' });
  officer = await bearerFor(t, officerUser);
  director = await bearerFor(t, directorUser);
});
afterAll(async () => t.close());

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
const auditCount = async (caseId: string) =>
  (
    await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('case_id', '=', caseId)
      .execute()
  ).length;

describe('acceptance', () => {
  it('accepts with a reason and sets the one-month deadline', async () => {
    const c = await submit();
    const r = await post(`/api/v1/cases/${c.id}/accept`, officer, {
      version: 1,
      reason: '符合受理条件',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: c.id, status: 'accepted', version: 2 });
    const detail = (await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: officer })).json();
    expect(detail.decisionReason).toBe('符合受理条件');
    expect(detail.acceptedAt).toBe('2026-03-02T02:00:00.000Z');
    expect(detail.deadlines.mediationDueAt).toBe('2026-04-01T02:00:00.000Z');
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual([
      'case.submit',
      'case.accept',
    ]);
    expect(detail.allowedActions).toContain('assign_team');
  });

  it('refuses a stale version with 409 and writes nothing; If-Match works too', async () => {
    const c = await submit();
    const before = await auditCount(c.id);
    const stale = await post(`/api/v1/cases/${c.id}/accept`, officer, { version: 7, reason: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(await caseVersion(t, c.id)).toBe(1);
    expect(await auditCount(c.id)).toBe(before);
    const noVersion = await post(`/api/v1/cases/${c.id}/accept`, officer, { reason: 'x' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.field).toBe('version');
    const viaHeader = await post(
      `/api/v1/cases/${c.id}/accept`,
      { ...officer, 'if-match': '"1"' },
      { reason: 'ok' },
    );
    expect(viaHeader.statusCode).toBe(200);
  });

  it('refuses to accept a closed case (409 INVALID_TRANSITION naming the state)', async () => {
    const c = await submit();
    await post(`/api/v1/cases/${c.id}/reject`, officer, { version: 1, reason: '不属于受理范围' });
    const r = await post(`/api/v1/cases/${c.id}/accept`, officer, { version: 2, reason: 'x' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('INVALID_TRANSITION');
    expect(r.json().error.details.state).toBe('rejected');
    expect(r.json().error.message).toContain('rejected');
  });

  it('only officers and directors decide; a party gets 403 and a stranger 404', async () => {
    const c = await submit();
    const party = await signInAsParty(t, c.id);
    expect(
      (await post(`/api/v1/cases/${c.id}/accept`, party.headers, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const otherOrg = await createOrg(t.database.db);
    const stranger = await bearerFor(
      t,
      await createUser(t.database.db, { orgId: otherOrg.id, role: 'officer' }),
    );
    expect(
      (await post(`/api/v1/cases/${c.id}/accept`, stranger, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: stranger })).statusCode,
    ).toBe(404);
    const mediatorUser = await createUser(t.database.db, { orgId, role: 'mediator' });
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${c.id}`,
          headers: await bearerFor(t, mediatorUser),
        })
      ).statusCode,
    ).toBe(404);
    expect(await caseVersion(t, c.id)).toBe(1);
  });
});

describe('rejection and its single appeal', () => {
  it('overturned by the director: the case is accepted and the clock starts', async () => {
    const c = await submit();
    const party = await signInAsParty(t, c.id);
    await post(`/api/v1/cases/${c.id}/reject`, officer, { version: 1, reason: '证据不足' });
    const detail = (
      await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: party.headers })
    ).json();
    expect(detail.status).toBe('rejected');
    expect(detail.allowedActions).toEqual(['appeal_rejection']);
    // The decision needs an appeal first.
    const early = await post(`/api/v1/cases/${c.id}/appeal/decision`, director, {
      version: 2,
      decision: 'overturn',
      reason: 'x',
    });
    expect(early.statusCode).toBe(409);
    const appeal = await post(`/api/v1/cases/${c.id}/appeal`, party.headers, {
      version: 2,
      reason: 'I now have the invoice',
    });
    expect(appeal.statusCode).toBe(200);
    expect(appeal.json()).toEqual({ id: c.id, status: 'rejected', version: 3 });
    // The director, who decides it, finds the appeal in the inbox; the officer is not told.
    await drainOutbox(
      t.deps,
      createMailSender(t.deps.config, () => t.clock.now()),
      defaultWorkerOptions,
    );
    const kindsOf = async (headers: Record<string, string>) =>
      (await t.app.inject({ url: '/api/v1/notifications?limit=100', headers }))
        .json()
        .items.filter((n: { caseId: string }) => n.caseId === c.id)
        .map((n: { kind: string }) => n.kind);
    expect(await kindsOf(director)).toContain('case.rejection_appealed');
    expect(await kindsOf(officer)).not.toContain('case.rejection_appealed');
    const second = await post(`/api/v1/cases/${c.id}/appeal`, party.headers, {
      version: 3,
      reason: 'again',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('INVALID_TRANSITION');
    // An officer cannot decide the appeal; the director can.
    expect(
      (
        await post(`/api/v1/cases/${c.id}/appeal/decision`, officer, {
          version: 3,
          decision: 'overturn',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    t.clock.set('2026-03-05T02:00:00.000Z');
    try {
      // Sessions last hours; sign in again after moving the clock by days.
      const d = await post(
        `/api/v1/cases/${c.id}/appeal/decision`,
        await bearerFor(t, directorUser),
        { version: 3, decision: 'overturn', reason: '新证据' },
      );
      expect(d.statusCode).toBe(200);
      expect(d.json().status).toBe('accepted');
    } finally {
      t.clock.set('2026-03-02T02:00:00.000Z');
    }
    const after = (await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: officer })).json();
    expect(after.deadlines.mediationDueAt).toBe('2026-04-04T02:00:00.000Z');
    expect(after.outcome).toBeNull();
    expect(after.appeal.decision).toBe('overturned');
  });

  it('upheld by the director: stays rejected, and no second decision', async () => {
    const c = await submit();
    const party = await signInAsParty(t, c.id);
    await post(`/api/v1/cases/${c.id}/reject`, officer, { version: 1, reason: '证据不足' });
    await post(`/api/v1/cases/${c.id}/appeal`, party.headers, { version: 2, reason: 'please' });
    const d = await post(`/api/v1/cases/${c.id}/appeal/decision`, director, {
      version: 3,
      decision: 'uphold',
      reason: '维持',
    });
    expect(d.json()).toEqual({ id: c.id, status: 'rejected', version: 4 });
    const again = await post(`/api/v1/cases/${c.id}/appeal/decision`, director, {
      version: 4,
      decision: 'overturn',
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('withdrawal', () => {
  it('by the applicant; the respondent may not; an officer may on their behalf', async () => {
    const c = await submit();
    const respondent = await signInAsParty(t, c.id, 'respondent');
    expect(
      (
        await post(`/api/v1/cases/${c.id}/withdraw`, respondent.headers, {
          version: 1,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const applicant = await signInAsParty(t, c.id, 'applicant');
    const r = await post(`/api/v1/cases/${c.id}/withdraw`, applicant.headers, {
      version: 1,
      reason: '已和解',
    });
    expect(r.json()).toEqual({ id: c.id, status: 'withdrawn', version: 2 });
    const row = await t.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('withdrawn');
    expect(row.concluded_at).toBeNull();

    const c2 = await submit();
    await post(`/api/v1/cases/${c2.id}/accept`, officer, { version: 1, reason: 'ok' });
    expect(
      (
        await post(`/api/v1/cases/${c2.id}/withdraw`, officer, {
          version: 2,
          reason: '申请人电话撤回',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await post(`/api/v1/cases/${c2.id}/withdraw`, officer, { version: 3, reason: 'again' }))
        .statusCode,
    ).toBe(409);
  });
});

describe('duplicates', () => {
  it('flags cases sharing a party (e-mail, or name and country) within 90 days', async () => {
    const p = intakePayload();
    const unique = (suffix: string) => [
      { ...p.parties[0], name: `Karim ${suffix}`, email: `karim.${suffix}@buyer.example` },
      { ...p.parties[1], name: `义乌某商行 ${suffix}`, email: `shop.${suffix}@seller.example` },
    ];
    t.clock.set('2026-01-01T00:00:00.000Z');
    const old = await submit({ parties: unique('dup') });
    t.clock.set('2026-03-01T00:00:00.000Z');
    const sameEmail = await submit({
      parties: [{ ...unique('dup')[0], name: 'K. Someone' }, unique('other')[1]],
    });
    const sameName = await submit({
      parties: [{ ...unique('dup')[0], email: 'elsewhere@buyer.example' }, unique('x2')[1]],
    });
    const unrelated = await submit({ parties: unique('solo') });
    t.clock.set('2026-04-15T00:00:00.000Z');
    try {
      const current = await submit({ parties: unique('dup') });
      const r = await t.app.inject({
        url: `/api/v1/cases/${current.id}/duplicates`,
        headers: await bearerFor(t, officerUser),
      });
      expect(r.statusCode).toBe(200);
      const ids = r
        .json()
        .items.map((i: { caseId: string }) => i.caseId)
        .sort();
      // `old` is 104 days before: outside the window.
      expect(ids).toEqual([sameEmail.id, sameName.id].sort());
      expect(ids).not.toContain(old.id);
      expect(ids).not.toContain(unrelated.id);
      const party = await signInAsParty(t, current.id);
      expect(
        (
          await t.app.inject({
            url: `/api/v1/cases/${current.id}/duplicates`,
            headers: party.headers,
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      t.clock.set('2026-03-02T02:00:00.000Z');
    }
  });
});

describe('extension of the mediation period', () => {
  it("needs every party's recorded consent to this extension", async () => {
    const c = await submit();
    await post(`/api/v1/cases/${c.id}/accept`, officer, { version: 1, reason: 'ok' });
    const applicant = await signInAsParty(t, c.id, 'applicant');
    const refused = await post(`/api/v1/cases/${c.id}/extend`, officer, {
      version: 2,
      days: 15,
      reason: '需要补充证据',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONSENT_REQUIRED');
    expect(refused.json().error.details.missingPartyIds).toHaveLength(2);
    expect(await caseVersion(t, c.id)).toBe(2);

    expect(
      (await post(`/api/v1/cases/${c.id}/extension-consents`, applicant.headers, {})).statusCode,
    ).toBe(201);
    const stillMissing = await post(`/api/v1/cases/${c.id}/extend`, officer, {
      version: 2,
      days: 15,
      reason: 'x',
    });
    expect(stillMissing.json().error.details.missingPartyIds).toHaveLength(1);
    // A party cannot consent for the other party.
    const respondentId = stillMissing.json().error.details.missingPartyIds[0];
    expect(
      (
        await post(`/api/v1/cases/${c.id}/extension-consents`, applicant.headers, {
          partyId: respondentId,
        })
      ).statusCode,
    ).toBe(403);
    // The officer records the respondent's consent given by phone.
    expect(
      (await post(`/api/v1/cases/${c.id}/extension-consents`, officer, { partyId: respondentId }))
        .statusCode,
    ).toBe(201);
    const ok = await post(`/api/v1/cases/${c.id}/extend`, officer, {
      version: 2,
      days: 15,
      reason: '需要补充证据',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mediationDueAt).toBe('2026-04-16T02:00:00.000Z');

    // The consents were for the first extension; a second needs new ones.
    const second = await post(`/api/v1/cases/${c.id}/extend`, officer, {
      version: 3,
      days: 10,
      reason: 'x',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.missingPartyIds).toHaveLength(2);
  });
});
