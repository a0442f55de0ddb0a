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

/**
 * Issue 15 item 5: nobody confirms a session record (笔录) they could not read, corrections are
 * versions that void earlier confirmations, and the "三必" interpreter rule. The default
 * application has an Arabic/English applicant and a Chinese respondent.
 */
let t: TestApp;
let orgId: string;
let officer: Record<string, string>;
let director: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
  director = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'director' }));
});
afterAll(async () => t.close());

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

async function mediator(kind: 'foreign' | 'lawyer', languages: string[]) {
  const user = await createUser(t.database.db, { orgId, role: 'mediator', name: `M ${kind}` });
  const m = await createMediator(t.database.db, {
    orgId,
    userId: user.id,
    kind,
    languages: languages.map((code) => ({ code, proficiency: 'native' as const })),
  });
  return { id: m.id, userId: user.id, headers: await bearerFor(t, user) };
}

/** An accepted case with a Chinese-speaking team, a scheduled session and both parties signed in. */
async function scheduledSession(leadLanguages = ['zh']) {
  const c = await submitThroughApi(t, { orgSlug: await orgSlugOf(t, orgId) });
  expect(
    (await post(`/api/v1/cases/${c.id}/accept`, officer, { version: 1, reason: 'ok' })).statusCode,
  ).toBe(200);
  const lead = await mediator('foreign', leadLanguages);
  const lawyer = await mediator('lawyer', ['zh']);
  const team = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${c.id}/team`,
    headers: officer,
    payload: { version: 2, lead: lead.id, lawyer: lawyer.id },
  });
  expect(team.statusCode).toBe(200);
  const s = await post(`/api/v1/cases/${c.id}/sessions`, officer, {
    version: 3,
    startsAt: '2026-03-02T15:00',
    timeZone: 'Asia/Shanghai',
    durationMinutes: 60,
    mode: 'in_person',
    room: 'A',
    overrideAvailability: true,
  });
  expect(s.statusCode).toBe(201);
  const applicant = await signInAsParty(t, c.id, 'applicant');
  const respondent = await signInAsParty(t, c.id, 'respondent');
  const sessionId = s.json().sessionId as string;
  return {
    caseId: c.id,
    sessionId,
    lead,
    lawyer,
    applicant,
    respondent,
    url: `/api/v1/cases/${c.id}/sessions/${sessionId}`,
  };
}

const listed = async (caseId: string, headers: Record<string, string>) =>
  (await t.app.inject({ url: `/api/v1/cases/${caseId}/sessions`, headers })).json().items[0];

const minutesZh = { language: 'zh', text: '双方确认货物存在质量问题，申请人同意接受部分退款。' };
const minutesAr = {
  language: 'ar',
  text: 'أكد الطرفان وجود مشكلة في جودة البضائع، ووافق مقدم الطلب على استرداد جزئي.',
};

describe('the "三必" interpreter rule', () => {
  it('refuses a record where a party had no mediator speaking its language and no interpreter', async () => {
    const f = await scheduledSession(['zh']);
    const body = {
      version: 4,
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'party', id: f.respondent.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: false,
      minutes: minutesZh,
      translations: [{ language: 'ar', text: minutesAr.text }],
    };
    const refused = await post(`${f.url}/record`, f.lead.headers, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('INTERPRETER_REQUIRED');
    // Only the Arabic/English applicant: the Chinese respondent had the lead.
    expect(refused.json().error.details.parties).toEqual([f.applicant.partyId]);

    // The mediator may not excuse the missing interpreter of their own session.
    const byMediator = await post(`${f.url}/record`, f.lead.headers, {
      ...body,
      interpreterAbsenceReason: 'The interpreter was ill.',
    });
    expect(byMediator.statusCode).toBe(409);
    expect(byMediator.json().error.code).toBe('INTERPRETER_REQUIRED');
    expect(byMediator.json().error.details.officerOnly).toBe(true);
    expect(await caseVersion(t, f.caseId)).toBe(4);

    // The officer may, and the reason is kept with who gave it.
    const byOfficer = await post(`${f.url}/record`, officer, {
      ...body,
      interpreterAbsenceReason: '申请人书面同意由调解员以中文口述、其子现场翻译。',
    });
    expect(byOfficer.statusCode).toBe(200);
    const view = await listed(f.caseId, f.applicant.headers);
    expect(view.record.interpreterAbsence).toEqual({
      reason: '申请人书面同意由调解员以中文口述、其子现场翻译。',
      recordedByName: 'Test User',
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('summary_json')
      .where('case_id', '=', f.caseId)
      .where('action', '=', 'case.record_session')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary_json).interpreterAbsence).toContain('书面同意');
  });

  it('needs no interpreter when an attending mediator speaks the party’s language, or one was present', async () => {
    const f = await scheduledSession(['zh', 'ar']);
    const base = {
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: false,
      minutes: minutesAr,
    };
    expect(
      (await post(`${f.url}/record`, f.lead.headers, { version: 4, ...base })).statusCode,
    ).toBe(200);
    // The lawyer speaks only Chinese: the same party with the lawyer alone needs an interpreter.
    const corrected = await post(`${f.url}/record/corrections`, f.lawyer.headers, {
      version: 5,
      reason: 'The lead left before the end; the lawyer chaired.',
      ...base,
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'mediator', id: f.lawyer.id },
      ],
    });
    expect(corrected.json().error.code).toBe('INTERPRETER_REQUIRED');
    const withInterpreter = await post(`${f.url}/record/corrections`, f.lawyer.headers, {
      version: 5,
      reason: 'The lead left before the end; the lawyer chaired.',
      ...base,
      interpreterPresent: true,
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'mediator', id: f.lawyer.id },
      ],
    });
    expect(withInterpreter.statusCode).toBe(200);
    // A director may give the reason too.
    const g = await scheduledSession(['zh']);
    const byDirector = await post(`${g.url}/record`, director, {
      version: 4,
      ...base,
      attendees: [{ kind: 'party', id: g.applicant.partyId }],
      interpreterAbsenceReason: 'The applicant declined an interpreter in writing.',
    });
    expect(byDirector.statusCode).toBe(200);
  });
});

describe('reading before confirming', () => {
  it('refuses a party the minutes exist in no language it reads; a translation makes them readable', async () => {
    const f = await scheduledSession(['zh']);
    const recorded = await post(`${f.url}/record`, f.lead.headers, {
      version: 4,
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'party', id: f.respondent.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: true,
      minutes: minutesZh,
    });
    expect(recorded.statusCode).toBe(200);

    let view = await listed(f.caseId, f.applicant.headers);
    expect(view.record.readableByMe).toBe(false);
    expect(view.record.myLanguages).toEqual(['ar', 'en']);
    const refused = await post(`${f.url}/confirmations`, f.applicant.headers);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('TRANSLATION_MISSING');
    expect(refused.json().error.details).toEqual({
      partyId: f.applicant.partyId,
      sections: ['minutes'],
      languages: ['ar', 'en'],
    });
    // The Chinese respondent reads the original; the mediator wrote it.
    expect((await listed(f.caseId, f.respondent.headers)).record.readableByMe).toBe(true);
    expect((await post(`${f.url}/confirmations`, f.respondent.headers)).statusCode).toBe(201);
    expect((await post(`${f.url}/confirmations`, f.lead.headers)).statusCode).toBe(201);
    expect((await listed(f.caseId, officer)).record.readableByMe).toBeNull();

    // The team adds the Arabic translation as a correction: now the applicant can read it.
    const corrected = await post(`${f.url}/record/corrections`, f.lead.headers, {
      version: 5,
      reason: 'Arabic translation added for the applicant.',
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'party', id: f.respondent.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: true,
      minutes: minutesZh,
      translations: [{ language: 'ar', text: minutesAr.text }],
    });
    expect(corrected.statusCode).toBe(200);
    view = await listed(f.caseId, f.applicant.headers);
    expect(view.record.readableByMe).toBe(true);
    expect((await post(`${f.url}/confirmations`, f.applicant.headers)).statusCode).toBe(201);
  });
});

describe('the interpreter path', () => {
  it('a sight translation attested by a team member who speaks the language lets the party confirm that version', async () => {
    const f = await scheduledSession(['zh', 'ar']);
    const record = {
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: false,
      minutes: minutesZh,
    };
    await post(`${f.url}/record`, f.lead.headers, { version: 4, ...record });
    expect((await post(`${f.url}/confirmations`, f.applicant.headers)).json().error.code).toBe(
      'TRANSLATION_MISSING',
    );

    // The lawyer speaks no Arabic and cannot attest; parties and officers cannot either.
    const attest = { partyId: f.applicant.partyId, language: 'ar' };
    expect((await post(`${f.url}/sight-translations`, f.lawyer.headers, attest)).statusCode).toBe(
      403,
    );
    expect((await post(`${f.url}/sight-translations`, officer, attest)).statusCode).toBe(403);
    expect(
      (await post(`${f.url}/sight-translations`, f.applicant.headers, attest)).statusCode,
    ).toBe(403);
    const attested = await post(`${f.url}/sight-translations`, f.lead.headers, attest);
    expect(attested.statusCode).toBe(201);
    expect(attested.json()).toMatchObject({ interpreterKind: 'team', confirmed: true });

    const view = await listed(f.caseId, f.applicant.headers);
    expect(view.record.readableByMe).toBe(true);
    expect(view.record.sightTranslatedForMe).toBe(true);
    expect((await post(`${f.url}/confirmations`, f.applicant.headers)).statusCode).toBe(201);

    // A correction is a new text: the sight translation of version 1 does not cover version 2.
    const corrected = await post(`${f.url}/record/corrections`, f.lead.headers, {
      version: 5,
      reason: '补记申请人的陈述。',
      ...record,
      minutes: { language: 'zh', text: `${minutesZh}申请人补充陈述了包装情况。` },
    });
    expect(corrected.statusCode).toBe(200);
    expect((await listed(f.caseId, f.applicant.headers)).record.confirmedBy).toEqual([]);
    const again = await post(`${f.url}/confirmations`, f.applicant.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TRANSLATION_MISSING');
    expect((await post(`${f.url}/sight-translations`, f.lead.headers, attest)).statusCode).toBe(
      201,
    );
    expect((await post(`${f.url}/confirmations`, f.applicant.headers)).statusCode).toBe(201);
  });
});

describe('corrections', () => {
  it('writes a new version with its reason; earlier confirmations no longer count; closed once all confirmed', async () => {
    const f = await scheduledSession(['zh', 'ar']);
    const record = {
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: false,
      minutes: minutesZh,
      translations: [{ language: 'ar', text: minutesAr.text }],
    };
    await post(`${f.url}/record`, f.lead.headers, { version: 4, ...record });
    expect((await post(`${f.url}/confirmations`, f.applicant.headers)).statusCode).toBe(201);

    // A party may not correct; a reason is required.
    expect(
      (
        await post(`${f.url}/record/corrections`, f.applicant.headers, {
          version: 5,
          reason: 'x',
          ...record,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await post(`${f.url}/record/corrections`, f.lead.headers, { version: 5, ...record }))
        .statusCode,
    ).toBe(400);

    const reason = '退款金额记录有误：应为 3,000 美元。';
    const corrected = await post(`${f.url}/record/corrections`, f.lead.headers, {
      version: 5,
      reason,
      ...record,
      minutes: { language: 'zh', text: '双方确认货物存在质量问题，退款 3,000 美元。' },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toEqual({
      id: f.caseId,
      status: 'in_mediation',
      version: 6,
      recordVersion: 2,
    });
    let view = await listed(f.caseId, f.applicant.headers);
    expect(view.record.version).toBe(2);
    expect(view.record.text).toContain('3,000');
    expect(view.record.confirmedBy).toEqual([]);
    expect(
      view.record.revisions.map((r: { version: number; reason: string | null }) => [
        r.version,
        r.reason,
      ]),
    ).toEqual([
      [1, null],
      [2, reason],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('summary_json')
      .where('case_id', '=', f.caseId)
      .where('action', '=', 'session.correct_record')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary_json).reason).toBe(reason);
    // The attendees are told to confirm again.
    const events = await t.database.db
      .selectFrom('outbox')
      .select('idempotency_key')
      .where('idempotency_key', 'like', `case_event:session.recorded:${f.sessionId}%`)
      .execute();
    expect(events).toHaveLength(2);

    // A stale case version changes nothing.
    const stale = await post(`${f.url}/record/corrections`, f.lead.headers, {
      version: 5,
      reason,
      ...record,
    });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect((await post(`${f.url}/confirmations`, f.applicant.headers)).statusCode).toBe(201);
    expect((await post(`${f.url}/confirmations`, f.lead.headers)).statusCode).toBe(201);
    view = await listed(f.caseId, officer);
    expect(view.record.fullyConfirmed).toBe(true);
    const closed = await post(`${f.url}/record/corrections`, officer, {
      version: 6,
      reason: 'Too late.',
      ...record,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('INVALID_TRANSITION');
    expect(closed.json().error.details.entity).toBe('session');
    expect(await caseVersion(t, f.caseId)).toBe(6);
  });

  it('cannot correct a session that has not been recorded', async () => {
    const f = await scheduledSession(['zh']);
    const r = await post(`${f.url}/record/corrections`, f.lead.headers, {
      version: 4,
      reason: 'x',
      attendees: [{ kind: 'mediator', id: f.lead.id }],
      interpreterPresent: false,
      minutes: minutesZh,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.entity).toBe('session');
  });
});

describe('translation requests', () => {
  it('a party asks once per version and language; staff are refused, strangers see nothing', async () => {
    const f = await scheduledSession(['zh']);
    await post(`${f.url}/record`, f.lead.headers, {
      version: 4,
      attendees: [
        { kind: 'party', id: f.applicant.partyId },
        { kind: 'mediator', id: f.lead.id },
      ],
      interpreterPresent: true,
      minutes: minutesZh,
    });
    const asked = await post(`${f.url}/translation-requests`, f.applicant.headers, {
      language: 'ar',
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ requested: true, language: 'ar' });
    expect(
      (await post(`${f.url}/translation-requests`, f.applicant.headers, { language: 'ar' }))
        .statusCode,
    ).toBe(202);
    const rows = await t.database.db
      .selectFrom('outbox')
      .select(['idempotency_key', 'payload_json'])
      .where('idempotency_key', 'like', `case_event:translation.requested:%${f.sessionId}%`)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload_json).params).toMatchObject({
      subject: 'session_record',
      subjectId: f.sessionId,
      language: 'ar',
      partyId: f.applicant.partyId,
    });
    // Without a language: the party's preferred one. A language the party does not read: 400.
    expect((await post(`${f.url}/translation-requests`, f.applicant.headers, {})).json()).toEqual({
      requested: true,
      language: 'ar',
    });
    expect(
      (await post(`${f.url}/translation-requests`, f.applicant.headers, { language: 'ru' }))
        .statusCode,
    ).toBe(400);

    expect(
      (await post(`${f.url}/translation-requests`, f.lead.headers, { language: 'ar' })).statusCode,
    ).toBe(403);
    expect(
      (await post(`${f.url}/translation-requests`, officer, { language: 'ar' })).statusCode,
    ).toBe(403);
    const stranger = await bearerFor(t, await createUser(t.database.db));
    expect(
      (await post(`${f.url}/translation-requests`, stranger, { language: 'ar' })).statusCode,
    ).toBe(404);
    expect(
      (await post(`${f.url}/translation-requests`, f.applicant.headers, { language: 'xx' }))
        .statusCode,
    ).toBe(400);
  });
});
