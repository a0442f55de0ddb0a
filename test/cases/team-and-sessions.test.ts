import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMediatorCaseLoads } from '../../src/db/repositories/mediator-matching-repository.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';
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
let officer: Record<string, string>;
const submit = (o: Record<string, unknown> = {}) => submitThroughApi(t, { orgSlug, ...o });
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
});
afterAll(async () => t.close());

const req = (
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload: unknown,
) => t.app.inject({ method, url, headers, payload: payload as Record<string, unknown> });

async function acceptedCase(o: Record<string, unknown> = {}) {
  const c = await submit(o);
  const r = await req('POST', `/api/v1/cases/${c.id}/accept`, officer, {
    version: 1,
    reason: 'ok',
  });
  expect(r.statusCode).toBe(200);
  return c.id;
}

async function mediatorWithLogin(kind: 'foreign' | 'lawyer' | 'interpreter' = 'foreign') {
  const user = await createUser(t.database.db, { orgId, role: 'mediator' });
  const m = await createMediator(t.database.db, { orgId, userId: user.id, kind });
  return { id: m.id, headers: await bearerFor(t, user) };
}

/** A mediator's workload as matching sees it: live team rows of open cases. */
const openCases = async (id: string) => {
  const loads = await loadMediatorCaseLoads(t.database.db, { mediatorIds: [id], category: '' });
  const profile = await t.database.db
    .selectFrom('mediator_profiles')
    .select('last_assigned_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { open_cases: loads.get(id)!.openCases, last_assigned_at: profile.last_assigned_at };
};

describe('team', () => {
  it('requires lead + lawyer ("1+1") when a party is foreign, and keeps workloads right', async () => {
    const caseId = await acceptedCase();
    const lead = await mediatorWithLogin('foreign');
    const lawyer = await mediatorWithLogin('lawyer');
    const other = await mediatorWithLogin('foreign');

    const onlyLead = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
    });
    expect(onlyLead.statusCode).toBe(400);
    expect(onlyLead.json().error.field).toBe('lawyer');
    const notALawyer = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: other.id,
    });
    expect(notALawyer.json().error.field).toBe('lawyer');
    const otherOrg = await createOrg(t.database.db);
    const foreignOrgMediator = await createMediator(t.database.db, {
      orgId: otherOrg.id,
      kind: 'foreign',
    });
    const wrongOrg = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: foreignOrgMediator.id,
      lawyer: lawyer.id,
    });
    expect(wrongOrg.json().error.field).toBe('lead');
    expect(await caseVersion(t, caseId)).toBe(2);

    // The mediator cannot see the case before assignment.
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: lead.headers })).statusCode,
    ).toBe(404);
    const ok = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    expect(ok.json()).toEqual({ id: caseId, status: 'accepted', version: 3 });
    expect(await openCases(lead.id)).toEqual({
      open_cases: 1,
      last_assigned_at: '2026-03-02T02:00:00.000Z',
    });
    expect((await openCases(lawyer.id)).open_cases).toBe(1);

    // Now they see it, in the list and in "my cases".
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: lead.headers })).statusCode,
    ).toBe(200);
    const mine = await t.app.inject({ url: '/api/v1/me/cases', headers: lawyer.headers });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([caseId]);

    // Replacing the lead moves the open case from one to the other.
    const swap = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 3,
      lead: other.id,
      lawyer: lawyer.id,
    });
    expect(swap.statusCode).toBe(200);
    expect((await openCases(lead.id)).open_cases).toBe(0);
    expect((await openCases(other.id)).open_cases).toBe(1);
    expect((await openCases(lawyer.id)).open_cases).toBe(1);
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: lead.headers })).statusCode,
    ).toBe(404);

    // Withdrawal releases the workload.
    await req('POST', `/api/v1/cases/${caseId}/withdraw`, officer, { version: 4, reason: '撤回' });
    expect((await openCases(other.id)).open_cases).toBe(0);
    expect((await openCases(lawyer.id)).open_cases).toBe(0);
  });

  it('a failed mediation also ends the workload (counted from live team rows, not a counter)', async () => {
    const caseId = await acceptedCase();
    const lead = await mediatorWithLogin('foreign');
    const lawyer = await mediatorWithLogin('lawyer');
    const team = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    expect(team.statusCode).toBe(200);
    expect((await openCases(lead.id)).open_cases).toBe(1);
    const failed = await req('POST', `/api/v1/cases/${caseId}/outcome/failed`, officer, {
      version: 3,
      reason: '双方分歧过大',
    });
    expect(failed.statusCode).toBe(200);
    expect((await openCases(lead.id)).open_cases).toBe(0);
    expect((await openCases(lawyer.id)).open_cases).toBe(0);
  });

  it('a domestic case needs only a lead', async () => {
    const p = intakePayload();
    const caseId = await acceptedCase({
      parties: [{ ...p.parties[1], role: 'applicant', name: '王五' }, p.parties[1]],
      consents: ['processing'],
    });
    const lead = await mediatorWithLogin('foreign');
    const r = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
    });
    expect(r.statusCode).toBe(200);
  });

  it('a party objects once; the officer must replace the member; a second objection is 409', async () => {
    const caseId = await acceptedCase();
    const lead = await mediatorWithLogin('foreign');
    const lawyer = await mediatorWithLogin('lawyer');
    const lawyer2 = await mediatorWithLogin('lawyer');
    await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    const party = await signInAsParty(t, caseId, 'applicant');
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: party.headers })).json()
        .allowedActions,
    ).toContain('object_to_mediator');
    // Officers cannot object on a party's behalf through this endpoint.
    expect(
      (
        await req('POST', `/api/v1/cases/${caseId}/team/objections`, officer, {
          version: 3,
          mediatorId: lawyer.id,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const o = await req('POST', `/api/v1/cases/${caseId}/team/objections`, party.headers, {
      version: 3,
      mediatorId: lawyer.id,
      reason: '该律师曾代理对方',
    });
    expect(o.statusCode).toBe(201);
    expect(o.json().version).toBe(4);
    // Keeping the objected lawyer is refused.
    const keep = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 4,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    expect(keep.statusCode).toBe(400);
    const replaced = await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 4,
      lead: lead.id,
      lawyer: lawyer2.id,
    });
    expect(replaced.statusCode).toBe(200);
    const objection = await t.database.db
      .selectFrom('team_objections')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(objection.resolved_at).not.toBeNull();
    const second = await req('POST', `/api/v1/cases/${caseId}/team/objections`, party.headers, {
      version: 5,
      mediatorId: lead.id,
      reason: 'again',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('INVALID_TRANSITION');
    expect(await caseVersion(t, caseId)).toBe(5);
    // The other party still has its own objection.
    const respondent = await signInAsParty(t, caseId, 'respondent');
    expect(
      (
        await req('POST', `/api/v1/cases/${caseId}/team/objections`, respondent.headers, {
          version: 5,
          mediatorId: lead.id,
          reason: '语言不通',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('sessions', () => {
  it('schedules in a named zone, changes and cancels; rejects unknown zones and skipped hours', async () => {
    const caseId = await acceptedCase();
    const lead = await mediatorWithLogin('foreign');
    const lawyer = await mediatorWithLogin('lawyer');
    await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    const base = {
      startsAt: '2026-03-10T10:00',
      timeZone: 'Asia/Shanghai',
      durationMinutes: 90,
      mode: 'in_person',
      room: '调解室 2',
    };
    const badZone = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      version: 3,
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.field).toBe('timeZone');
    // 02:30 on 29 March 2026 does not exist in Berlin (clocks jump from 02:00 to 03:00).
    const gap = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      version: 3,
      startsAt: '2026-03-29T02:30',
      timeZone: 'Europe/Berlin',
    });
    expect(gap.json().error.field).toBe('startsAt');
    const noRoom = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      version: 3,
      room: undefined,
    });
    expect(noRoom.json().error.field).toBe('room');

    const s = await req('POST', `/api/v1/cases/${caseId}/sessions`, lead.headers, {
      ...base,
      version: 3,
    });
    expect(s.statusCode).toBe(201);
    expect(s.json().startsAtUtc).toBe('2026-03-10T02:00:00.000Z');
    const sessionId = s.json().sessionId;

    // Moved online, to 09:00 in Cairo.
    const moved = await req('PATCH', `/api/v1/cases/${caseId}/sessions/${sessionId}`, officer, {
      version: 4,
      startsAt: '2026-03-11T09:00',
      timeZone: 'Africa/Cairo',
      mode: 'online',
      meetingUrl: 'https://meet.example/accord-1',
    });
    expect(moved.statusCode).toBe(200);
    const list = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/sessions`, headers: officer })
    ).json().items;
    expect(list[0]).toMatchObject({
      startsAt: '2026-03-11T07:00:00.000Z',
      startsAtLocal: '2026-03-11T09:00+02:00',
      timeZone: 'Africa/Cairo',
      mode: 'online',
      room: null,
      meetingUrl: 'https://meet.example/accord-1',
      status: 'scheduled',
    });
    expect(list[0].participants).toHaveLength(4);

    const cancel = await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/cancel`,
      officer,
      { version: 5, reason: '当事人生病' },
    );
    expect(cancel.statusCode).toBe(200);
    const again = await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/cancel`,
      officer,
      { version: 6, reason: 'x' },
    );
    expect(again.statusCode).toBe(409);
    const kinds = (
      await t.database.db
        .selectFrom('outbox')
        .select('payload_json')
        .where('org_id', '=', orgId)
        .execute()
    )
      .map((o) => JSON.parse(o.payload_json))
      .filter((p) => p.caseId === caseId)
      .map((p) => p.event);
    expect(kinds).toEqual(
      expect.arrayContaining(['session.scheduled', 'session.changed', 'session.cancelled']),
    );
  });

  it('an unavailable team member stops the booking (409 naming them) unless the officer overrides', async () => {
    const caseId = await acceptedCase();
    const lead = await mediatorWithLogin('foreign');
    const lawyer = await mediatorWithLogin('lawyer');
    await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    const leave = await req(
      'POST',
      `/api/v1/mediators/${lawyer.id}/availability/exceptions`,
      officer,
      {
        kind: 'leave',
        startsOn: '2026-03-10',
        endsOn: '2026-03-10',
      },
    );
    expect(leave.statusCode).toBe(201);
    const base = {
      version: 3,
      startsAt: '2026-03-10T10:00',
      timeZone: 'Asia/Shanghai',
      durationMinutes: 60,
      mode: 'online',
      meetingUrl: 'https://meet.example/accord-2',
    };
    const audits = async () =>
      (
        await t.database.db
          .selectFrom('audit_events')
          .select(['action', 'summary_json'])
          .where('case_id', '=', caseId)
          .execute()
      ).filter((a) => a.action.startsWith('session.') || a.action === 'case.schedule_session');
    const auditsBefore = (await audits()).length;

    const blocked = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, base);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('MEDIATOR_UNAVAILABLE');
    expect(blocked.json().error.details.mediators.map((m: { id: string }) => m.id)).toEqual([
      lawyer.id,
    ]);
    expect(await caseVersion(t, caseId)).toBe(3);
    expect((await audits()).length).toBe(auditsBefore);
    // Outside the default on-call hours (09:00–18:00 local) nobody is available.
    const night = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      startsAt: '2026-03-11T21:00',
    });
    expect(night.json().error.details.mediators).toHaveLength(2);

    const booked = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      ...base,
      overrideAvailability: true,
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json().warnings).toEqual([
      { code: 'MEDIATOR_UNAVAILABLE', mediatorId: lawyer.id, name: expect.any(String) },
    ]);
    const scheduled = await t.database.db
      .selectFrom('audit_events')
      .select('summary_json')
      .where('case_id', '=', caseId)
      .where('action', 'like', '%schedule_session%')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(scheduled.summary_json).unavailableMediatorIds).toEqual([lawyer.id]);

    // Moving it to a day both are free needs no override and warns of nothing.
    const moved = await req(
      'PATCH',
      `/api/v1/cases/${caseId}/sessions/${booked.json().sessionId}`,
      officer,
      { version: 4, startsAt: '2026-03-12T10:00' },
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json().warnings).toEqual([]);
    const movedBack = await req(
      'PATCH',
      `/api/v1/cases/${caseId}/sessions/${booked.json().sessionId}`,
      officer,
      { version: 5, startsAt: '2026-03-10T11:00' },
    );
    expect(movedBack.json().error.code).toBe('MEDIATOR_UNAVAILABLE');
  });

  it('records the 笔录; the first held session moves the case to in_mediation; attendees confirm', async () => {
    const caseId = await acceptedCase();
    const lead = await mediatorWithLogin('foreign');
    const lawyer = await mediatorWithLogin('lawyer');
    await req('PUT', `/api/v1/cases/${caseId}/team`, officer, {
      version: 2,
      lead: lead.id,
      lawyer: lawyer.id,
    });
    const s = await req('POST', `/api/v1/cases/${caseId}/sessions`, officer, {
      version: 3,
      startsAt: '2026-03-02T15:00',
      timeZone: 'Asia/Shanghai',
      durationMinutes: 60,
      mode: 'in_person',
      room: 'A',
    });
    const sessionId = s.json().sessionId;
    const applicant = await signInAsParty(t, caseId, 'applicant');
    const respondent = await signInAsParty(t, caseId, 'respondent');
    // A party cannot write the record.
    const byParty = await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/record`,
      applicant.headers,
      {
        version: 4,
        attendees: [{ kind: 'party', id: applicant.partyId }],
        interpreterPresent: true,
        minutes: { language: 'zh', text: 'x' },
      },
    );
    expect(byParty.statusCode).toBe(403);
    const record = await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/record`,
      lead.headers,
      {
        version: 4,
        attendees: [
          { kind: 'party', id: applicant.partyId },
          { kind: 'mediator', id: lead.id },
        ],
        interpreterPresent: true,
        minutes: { language: 'zh', text: '双方确认货物存在质量问题。' },
        translations: [{ language: 'ar', text: 'أكد الطرفان وجود مشكلة في جودة البضائع.' }],
      },
    );
    expect(record.statusCode).toBe(200);
    expect(record.json()).toEqual({ id: caseId, status: 'in_mediation', version: 5 });

    // The respondent did not attend and cannot confirm.
    expect(
      (
        await req(
          'POST',
          `/api/v1/cases/${caseId}/sessions/${sessionId}/confirmations`,
          respondent.headers,
          {},
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await req(
          'POST',
          `/api/v1/cases/${caseId}/sessions/${sessionId}/confirmations`,
          applicant.headers,
          {},
        )
      ).statusCode,
    ).toBe(201);
    let view = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/sessions`, headers: applicant.headers })
    ).json().items[0];
    expect(view.status).toBe('held');
    expect(view.interpreterPresent).toBe(true);
    expect(view.record.translations).toEqual([
      { language: 'ar', text: 'أكد الطرفان وجود مشكلة في جودة البضائع.' },
    ]);
    expect(view.record.fullyConfirmed).toBe(false);
    await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/confirmations`,
      lead.headers,
      {},
    );
    view = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/sessions`, headers: officer })
    ).json().items[0];
    expect(view.record.fullyConfirmed).toBe(true);

    // A second session keeps the case in mediation; a held session cannot be recorded again.
    const again = await req(
      'POST',
      `/api/v1/cases/${caseId}/sessions/${sessionId}/record`,
      lead.headers,
      {
        version: 5,
        attendees: [{ kind: 'mediator', id: lead.id }],
        interpreterPresent: false,
        minutes: { language: 'zh', text: 'x' },
      },
    );
    expect(again.statusCode).toBe(409);
    expect(await caseVersion(t, caseId)).toBe(5);
  });

  it('cannot schedule before acceptance or after closing', async () => {
    const c = await submit();
    const r = await req('POST', `/api/v1/cases/${c.id}/sessions`, officer, {
      version: 1,
      startsAt: '2026-03-10T10:00',
      timeZone: 'Asia/Shanghai',
      durationMinutes: 60,
      mode: 'online',
      meetingUrl: 'https://meet.example/x',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.state).toBe('submitted');
  });
});
