import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';
import {
  bearerFor,
  caseVersion,
  orgSlugOf,
  signInAsParty,
  submitThroughApi,
} from '../support/case-factories.js';

// 02:00 UTC is 10:00 in the committee's zone (Asia/Shanghai).
let t: TestApp;
let orgId: string;
let orgSlug: string;
let officer: Record<string, string>;
let officerFa: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
  // A Persian-speaking officer, to read the refusal in their own language.
  officerFa = await bearerFor(
    t,
    await createUser(t.database.db, { orgId, role: 'officer', locale: 'fa' }),
  );
});
afterAll(async () => t.close());

const req = (method: 'POST' | 'PUT' | 'PATCH', url: string, headers: object, payload: object) =>
  t.app.inject({
    method,
    url,
    headers: headers as Record<string, string>,
    payload: payload as Record<string, unknown>,
  });
const detailOf = async (caseId: string, headers: Record<string, string>) =>
  (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers })).json();

/** An accepted case with a lead and a lawyer on its team (version 3). */
async function caseWithTeam() {
  const c = await submitThroughApi(t, { orgSlug });
  expect(
    (await req('POST', `/api/v1/cases/${c.id}/accept`, officer, { version: 1, reason: 'ok' }))
      .statusCode,
  ).toBe(200);
  const lead = await createMediator(t.database.db, { orgId, kind: 'foreign' });
  const lawyer = await createMediator(t.database.db, { orgId, kind: 'lawyer' });
  const team = await req('PUT', `/api/v1/cases/${c.id}/team`, officer, {
    version: 2,
    lead: lead.id,
    lawyer: lawyer.id,
  });
  expect(team.statusCode).toBe(200);
  return { caseId: c.id, lead, lawyer };
}

describe('a session is never booked in the past', () => {
  it('refuses a past start with SESSION_IN_PAST on startsAt, in the caller’s language, writing nothing', async () => {
    const { caseId } = await caseWithTeam();
    const base = {
      timeZone: 'Asia/Shanghai',
      durationMinutes: 90,
      mode: 'in_person',
      room: '调解室 2',
    };
    // 09:59 in Yiwu is a minute ago; 10:00 is now, which is not ahead either.
    for (const startsAt of ['2026-03-02T09:59', '2026-03-02T10:00', '2025-12-31T15:00']) {
      const r = await req('POST', `/api/v1/cases/${caseId}/sessions`, officerFa, {
        ...base,
        version: 3,
        startsAt,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({
        code: 'SESSION_IN_PAST',
        field: 'startsAt',
        message: 'این زمان گذشته است. زمانی در آینده انتخاب کنید.',
      });
    }
    expect(await caseVersion(t, caseId)).toBe(3);
    // The same wall-clock minute in a zone still behind (Cairo, 04:00 now) is ahead.
    const ok = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      version: 3,
      startsAt: '2026-03-02T09:59',
      timeZone: 'Africa/Cairo',
    });
    expect(ok.statusCode).toBe(201);
    // Moving it into the past is refused the same way.
    const moved = await req(
      'PATCH',
      `/api/v1/cases/${caseId}/sessions/${ok.json().sessionId}`,
      officer,
      { version: 4, startsAt: '2026-03-01T09:00' },
    );
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({ code: 'SESSION_IN_PAST', field: 'startsAt' });
    expect(await caseVersion(t, caseId)).toBe(4);
  });
});

describe('a session held today without booking', () => {
  it('is entered as held (no invitation, no availability check) and recorded; a future or older start is refused', async () => {
    const { caseId, lead } = await caseWithTeam();
    const base = {
      timeZone: 'Asia/Shanghai',
      durationMinutes: 60,
      mode: 'in_person',
      room: '接待室',
      held: true,
    };
    // Now is 10:00 in Yiwu: 10:30 is ahead, and two days ago is not "today".
    for (const startsAt of ['2026-03-02T10:30', '2026-02-28T09:00']) {
      const r = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
        ...base,
        version: 3,
        startsAt,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'startsAt' });
    }
    expect(await caseVersion(t, caseId)).toBe(3);
    const held = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      version: 3,
      startsAt: '2026-03-02T09:00',
    });
    expect(held.statusCode).toBe(201);
    const sessionId = held.json().sessionId as string;
    const events = (
      await t.database.db
        .selectFrom('outbox')
        .select('payload_json')
        .where('org_id', '=', orgId)
        .execute()
    )
      .map((o) => JSON.parse(o.payload_json) as { caseId?: string; event?: string })
      .filter((p) => p.caseId === caseId)
      .map((p) => p.event);
    expect(events).not.toContain('session.scheduled');
    const recorded = await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/record`,
      officer,
      {
        version: 4,
        attendees: [{ kind: 'mediator', id: lead.id }],
        interpreterPresent: true,
        minutes: { language: 'zh', text: '当事人到委员会接待室当面沟通。' },
      },
    );
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'in_mediation', version: 5 });
  });
});

describe('the party’s own steps, once each', () => {
  it('appeals a rejection once; afterwards the case page shows the appeal, not the step', async () => {
    const c = await submitThroughApi(t, { orgSlug });
    const party = await signInAsParty(t, c.id);
    await req('POST', `/api/v1/cases/${c.id}/reject`, officer, { version: 1, reason: '证据不足' });
    expect((await detailOf(c.id, party.headers)).allowedActions).toContain('appeal_rejection');
    const first = await req('POST', `/api/v1/cases/${c.id}/appeal`, party.headers, {
      version: 2,
      reason: 'I now have the invoice',
    });
    expect(first.statusCode).toBe(200);
    const after = await detailOf(c.id, party.headers);
    expect(after.allowedActions).not.toContain('appeal_rejection');
    expect(after.appeal).toMatchObject({ reason: 'I now have the invoice', decision: null });
    const second = await req('POST', `/api/v1/cases/${c.id}/appeal`, party.headers, {
      version: 3,
      reason: 'again',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('INVALID_TRANSITION');
    expect(await caseVersion(t, c.id)).toBe(3);
  });

  it('objects to one team member once, with a reason; the page then shows the objection only', async () => {
    const { caseId, lead, lawyer } = await caseWithTeam();
    const party = await signInAsParty(t, caseId, 'applicant');
    const noReason = await req('POST', `/api/v1/cases/${caseId}/team/objections`, party.headers, {
      version: 3,
      mediatorId: lawyer.id,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const first = await req('POST', `/api/v1/cases/${caseId}/team/objections`, party.headers, {
      version: 3,
      mediatorId: lawyer.id,
      reason: '该律师曾代理对方',
    });
    expect(first.statusCode).toBe(201);
    const after = await detailOf(caseId, party.headers);
    expect(after.allowedActions).not.toContain('object_to_mediator');
    expect(after.objections).toEqual([
      expect.objectContaining({ mediatorId: lawyer.id, resolvedAt: null }),
    ]);
    const second = await req('POST', `/api/v1/cases/${caseId}/team/objections`, party.headers, {
      version: 4,
      mediatorId: lead.id,
      reason: 'again',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('INVALID_TRANSITION');
    expect(await caseVersion(t, caseId)).toBe(4);
  });
});
