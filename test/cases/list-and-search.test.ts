import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  createCourt,
  createCourtFiling,
  createMediator,
  createOrg,
  createUser,
} from '../support/factories.js';
import {
  bearerFor,
  intakePayload,
  orgSlugOf,
  signInAsParty,
  submitThroughApi,
} from '../support/case-factories.js';

let t: TestApp;
let orgId: string;
let orgSlug: string;
let officerUser: { email: string; password: string };
const ids = {} as Record<'arabic' | 'russian' | 'chinese', string> & Record<string, string>;

const party = (o: Record<string, unknown>) => ({ ...intakePayload().parties[0], ...o });
const respondent = (o: Record<string, unknown> = {}) => ({ ...intakePayload().parties[1], ...o });

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-01T00:00:00.000Z' });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  orgSlug = await orgSlugOf(t, orgId);
  officerUser = await createUser(t.database.db, { orgId, role: 'officer' });
  const file = async (key: string, day: string, o: Record<string, unknown>) => {
    t.clock.set(`2026-03-${day}T03:00:00.000Z`);
    ids[key] = (await submitThroughApi(t, { orgSlug, ...o })).id;
  };
  await file('arabic', '01', {
    summary: 'بضاعة تالفة من السوق',
    description: 'اشترى محمد عبد الله الأقمشة ووصلت تالفة',
    parties: [
      party({ name: 'مُحَمَّد عبد الله', country: 'SA', languages: ['ar'], preferredLanguage: 'ar' }),
      respondent(),
    ],
  });
  await file('russian', '02', {
    category: 'payment',
    summary: 'Unpaid invoice for toys',
    description: 'The buyer has not paid for 2000 toy cars.',
    claimedAmount: { amount: '5000.00', currency: 'RUB' },
    parties: [
      party({
        name: 'Ivan Petrov',
        country: 'RU',
        languages: ['ru'],
        preferredLanguage: 'ru',
        email: 'ivan@buyer.example',
      }),
      respondent({ name: '义乌玩具厂' }),
    ],
  });
  await file('chinese', '03', {
    category: 'deposit',
    summary: '定金纠纷',
    description: '买方支付了定金，卖方拒绝发货。义乌市国际商贸城三区的摊位。',
    parties: [
      party({
        name: 'Maria Lopez',
        country: 'ES',
        languages: ['es'],
        preferredLanguage: 'es',
        email: 'maria@buyer.example',
      }),
      respondent({ name: '金华小商品公司' }),
    ],
  });
  for (let i = 0; i < 5; i++) await file(`filler${i}`, String(10 + i), {});
  t.clock.set('2026-03-20T00:00:00.000Z');
});
afterAll(async () => t.close());

async function list(headers: Record<string, string>, query: string) {
  const r = await t.app.inject({ url: `/api/v1/cases?${query}`, headers });
  expect(r.statusCode).toBe(200);
  return r.json() as {
    items: { id: string; status: string; overdue: boolean }[];
    nextCursor: string | null;
  };
}
const idsOf = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('GET /api/v1/cases', () => {
  it('filters by status, category, language, country and date range', async () => {
    const officer = await bearerFor(t, officerUser);
    expect(idsOf(await list(officer, 'category=payment'))).toEqual([ids.russian]);
    expect(idsOf(await list(officer, 'language=ru'))).toEqual([ids.russian]);
    expect(idsOf(await list(officer, 'language=es'))).toEqual([ids.chinese]);
    expect(idsOf(await list(officer, 'country=SA'))).toEqual([ids.arabic]);
    expect(idsOf(await list(officer, 'submittedFrom=2026-03-02&submittedTo=2026-03-03'))).toEqual([
      ids.chinese,
      ids.russian,
    ]);
    expect((await list(officer, 'status=submitted&limit=100')).items).toHaveLength(8);
    expect((await list(officer, 'status=accepted')).items).toHaveLength(0);
    const bad = await t.app.inject({ url: '/api/v1/cases?status=pending', headers: officer });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('status');
    expect(
      (await t.app.inject({ url: '/api/v1/cases?limit=101', headers: officer })).statusCode,
    ).toBe(400);
    expect(
      (await t.app.inject({ url: '/api/v1/cases?cursor=garbage', headers: officer })).json().error
        .field,
    ).toBe('cursor');
  });

  it('searches Chinese (segmented) and Arabic (with or without vowel marks), and party names', async () => {
    const officer = await bearerFor(t, officerUser);
    expect(idsOf(await list(officer, `q=${encodeURIComponent('定金')}`))).toEqual([ids.chinese]);
    expect(idsOf(await list(officer, `q=${encodeURIComponent('商贸城 拒绝发货')}`))).toEqual([
      ids.chinese,
    ]);
    expect(idsOf(await list(officer, `q=${encodeURIComponent('金华小商品')}`))).toEqual([
      ids.chinese,
    ]);
    expect(idsOf(await list(officer, `q=${encodeURIComponent('الأقمشة')}`))).toEqual([ids.arabic]);
    // The party name was stored with harakat; the query has none (and vice versa).
    expect(idsOf(await list(officer, `q=${encodeURIComponent('محمد')}`))).toEqual([ids.arabic]);
    expect(idsOf(await list(officer, `q=${encodeURIComponent('عَبْد')}`))).toEqual([ids.arabic]);
    expect(idsOf(await list(officer, 'q=PETROV'))).toEqual([ids.russian]);
    expect(idsOf(await list(officer, `q=${encodeURIComponent('定金 Petrov')}`))).toEqual([]);
    // A query with no words (here a LIKE wildcard) matches nothing rather than everything.
    expect(idsOf(await list(officer, `q=${encodeURIComponent('%')}`))).toEqual([]);
  });

  it('pages with an opaque cursor, newest first, without repeats', async () => {
    const officer = await bearerFor(t, officerUser);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await list(officer, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...idsOf(r));
      cursor = r.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.slice(-3)).toEqual([ids.chinese, ids.russian, ids.arabic]);
  });

  it('shows each role only its cases; filters by team member and overdue', async () => {
    const officer = await bearerFor(t, officerUser);
    // Accept and staff the Arabic case; let its month pass.
    t.clock.set('2026-03-20T00:00:00.000Z');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${ids.arabic}/accept`,
      headers: officer,
      payload: { version: 1, reason: 'ok' },
    });
    const mediatorUser = await createUser(t.database.db, { orgId, role: 'mediator' });
    const lead = await createMediator(t.database.db, { orgId, userId: mediatorUser.id });
    const lawyer = await createMediator(t.database.db, { orgId, kind: 'lawyer' });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${ids.arabic}/team`,
      headers: officer,
      payload: { version: 2, lead: lead.id, lawyer: lawyer.id },
    });
    expect(idsOf(await list(officer, `mediatorId=${lead.id}`))).toEqual([ids.arabic]);
    expect(idsOf(await list(officer, 'overdue=true'))).toEqual([]);
    t.clock.set('2026-04-25T00:00:00.000Z');
    const officerLater = await bearerFor(t, officerUser);
    const overdue = await list(officerLater, 'overdue=true');
    expect(idsOf(overdue)).toEqual([ids.arabic]);
    expect(overdue.items[0]!.overdue).toBe(true);

    const mediator = await bearerFor(t, mediatorUser);
    expect(idsOf(await list(mediator, 'limit=100'))).toEqual([ids.arabic]);

    const court = await createCourt(t.database.db, orgId);
    await createCourtFiling(t.database.db, { orgId, caseId: ids.russian, courtId: court.id });
    const liaison = await bearerFor(
      t,
      await createUser(t.database.db, { orgId, role: 'court_liaison', courtId: court.id }),
    );
    expect(idsOf(await list(liaison, 'limit=100'))).toEqual([ids.russian]);

    const p = await signInAsParty(t, ids.chinese);
    expect(idsOf(await list(p.headers, 'limit=100'))).toEqual([ids.chinese]);
    // Another party's case is invisible, in the list and by id.
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${ids.russian}`, headers: p.headers })).statusCode,
    ).toBe(404);

    const otherOrg = await createOrg(t.database.db);
    const otherOfficer = await bearerFor(
      t,
      await createUser(t.database.db, { orgId: otherOrg.id, role: 'officer' }),
    );
    expect(idsOf(await list(otherOfficer, 'limit=100'))).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/cases' })).statusCode).toBe(401);
  });

  it('filters open cases by deadline (overdue, due within 7 days) and rejects bad filters with the field', async () => {
    // The Arabic case was accepted on 20 March (the test above); its month runs to about 19 April.
    t.clock.set('2026-04-15T00:00:00.000Z');
    const officer = await bearerFor(t, officerUser);
    expect(idsOf(await list(officer, 'due=week'))).toEqual([ids.arabic]);
    expect(idsOf(await list(officer, 'due=overdue'))).toEqual([]);
    t.clock.set('2026-04-05T00:00:00.000Z');
    const earlier = await bearerFor(t, officerUser);
    expect(idsOf(await list(earlier, 'due=week'))).toEqual([]);
    t.clock.set('2026-04-25T00:00:00.000Z');
    const later = await bearerFor(t, officerUser);
    expect(idsOf(await list(later, 'due=overdue'))).toEqual([ids.arabic]);
    expect(idsOf(await list(later, 'due=week'))).toEqual([]);
    // Deadline and mediator combine with the other filters.
    expect(idsOf(await list(later, 'due=overdue&country=SA'))).toEqual([ids.arabic]);
    expect(idsOf(await list(later, 'due=overdue&country=RU'))).toEqual([]);
    for (const [query, field] of [
      ['due=soon', 'due'],
      ['mediatorId=not-a-uuid', 'mediatorId'],
      ['country=Saudi', 'country'],
      ['category=everything', 'category'],
    ] as const) {
      const bad = await t.app.inject({ url: `/api/v1/cases?${query}`, headers: later });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.field, query).toBe(field);
    }
  });

  it('finds a case by a fragment of its reference whatever its status, when no status is given', async () => {
    const officer = await bearerFor(t, officerUser);
    const arabic = (
      await t.app.inject({ url: `/api/v1/cases/${ids.arabic}`, headers: officer })
    ).json() as {
      reference: string;
      status: string;
    };
    expect(arabic.status).toBe('accepted');
    const fragment = arabic.reference.slice(-4);
    // The submitted tab alone does not hold it; the search across every status does.
    expect(
      idsOf(await list(officer, `status=submitted&q=${encodeURIComponent(fragment)}`)),
    ).not.toContain(ids.arabic);
    const found = await list(officer, `q=${encodeURIComponent(fragment)}`);
    expect(idsOf(found)).toContain(ids.arabic);
    expect(found.items.find((i) => i.id === ids.arabic)!.status).toBe('accepted');
  });

  it('returns the case page with team, deadlines, masked parties and timeline', async () => {
    t.clock.set('2026-04-25T00:00:00.000Z');
    const officer = await bearerFor(t, officerUser);
    const r = await t.app.inject({ url: `/api/v1/cases/${ids.arabic}`, headers: officer });
    expect(r.statusCode).toBe(200);
    const c = r.json();
    expect(c.status).toBe('accepted');
    expect(c.team.map((m: { role: string }) => m.role).sort()).toEqual(['lawyer', 'lead']);
    expect(c.deadlines.mediationDueAt).toBe('2026-04-19T00:00:00.000Z');
    expect(c.overdue).toBe(true);
    expect(c.parties[0].phoneMasked).toMatch(/^•+\d{4}$/);
    expect(c.parties[0].idDocument.numberMasked).toBe('•••••5678');
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual([
      'case.submit',
      'case.accept',
      'case.assign_team',
    ]);
    expect(c.agreement).toBeNull();
    expect(c.allowedActions).toEqual(
      expect.arrayContaining(['assign_team', 'schedule_session', 'extend_deadline', 'withdraw']),
    );
    expect(c.allowedActions).not.toContain('accept');
  });
});
