import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  agreementContentFixture,
  concludeAgreed,
  countRows,
  createCommittee,
  createTeamCase,
  post,
  seedFxRates,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';

let t: TestApp;
let k: Committee;
const START = '2026-03-02T02:00:00.000Z';
beforeAll(async () => {
  t = await buildTestApp({ now: START });
  k = await createCommittee(t.database.db);
  await seedFxRates(t.database.db);
});
afterAll(async () => t.close());

async function agreedCase(o: Parameters<typeof createTeamCase>[2] = {}) {
  t.clock.set(START);
  const c = await createTeamCase(t.database.db, k, o);
  await concludeAgreed(t, k, c);
  return c;
}

const suggestion = (c: TeamCase, as = k.as.officer) =>
  t.app.inject({ url: `/api/v1/cases/${c.id}/confirmation/suggested-court`, headers: as });

const file = (c: TeamCase, body: Record<string, unknown> = {}) =>
  post(t, `/api/v1/cases/${c.id}/confirmation-filings`, k.as.officer, {
    courtId: k.seatCourtId,
    applicantPartyIds: [c.applicantPartyId, c.respondentPartyId],
    applicationDate: '2026-03-02',
    ...body,
  });

describe('suggested court and the 30-day window', () => {
  it('suggests the seat court, the referring court, or the maritime court for maritime matters', async () => {
    const plain = await agreedCase();
    const s = (await suggestion(plain)).json();
    expect(s.courts.map((c: { id: string }) => c.id)).toEqual([k.seatCourtId]);
    expect(s.courts[0].reason).toBe('seat_court');
    expect(s.window).toEqual({
      deadline: '2026-04-01T02:00:00.000Z',
      daysLeft: 30,
      open: true,
      warning: false,
    });

    const referred = await agreedCase({ referringCourtId: k.otherCourtId });
    const r = (await suggestion(referred, referred.as.applicant)).json();
    expect(r.courts.map((c: { id: string; reason: string }) => [c.id, c.reason])).toEqual([
      [k.otherCourtId, 'referring_court'],
      [k.seatCourtId, 'seat_court'],
    ]);

    const maritime = await agreedCase({ maritime: true });
    const m = (await suggestion(maritime)).json();
    expect(m.courts[0]).toMatchObject({ id: k.maritimeCourtId, reason: 'maritime' });
  });

  it('warns as the deadline nears and refuses after 30 days with DEADLINE_PASSED, writing nothing', async () => {
    const c = await agreedCase();
    t.clock.set('2026-03-27T02:00:00.000Z');
    const near = (await suggestion(c)).json();
    expect(near.window.daysLeft).toBe(5);
    expect(near.window.warning).toBe(true);
    t.clock.set('2026-04-01T02:00:01.000Z');
    const late = (await suggestion(c)).json();
    expect(late.window.open).toBe(false);
    expect(late.window.daysLeft).toBe(0);
    const before = await countRows(t.database.db);
    const r = await file(c);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('DEADLINE_PASSED');
    expect(await countRows(t.database.db)).toEqual(before);
    // The last moment of the window is still in time.
    const c2 = await agreedCase();
    t.clock.set('2026-04-01T02:00:00.000Z');
    expect((await file(c2)).statusCode).toBe(201);
  });

  it('needs an agreement in effect: a case in mediation gets INVALID_TRANSITION naming its state', async () => {
    t.clock.set(START);
    const c = await createTeamCase(t.database.db, k);
    const r = await file(c);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('INVALID_TRANSITION');
    expect(r.json().error.details.state).toBe('in_mediation');
  });
});

describe('filing and the court’s decision', () => {
  it('requires every party to apply and an eligible court; only officers file', async () => {
    const c = await agreedCase();
    const one = await file(c, { applicantPartyIds: [c.applicantPartyId, c.applicantPartyId] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.field).toBe('applicantPartyIds');
    for (const applicationDate of ['2026-02-30', '2026-03-03']) {
      const badDate = await file(c, { applicationDate });
      expect(badDate.statusCode, applicationDate).toBe(400);
      expect(badDate.json().error.field).toBe('applicationDate');
    }
    const wrongCourt = await file(c, { courtId: k.maritimeCourtId });
    expect(wrongCourt.statusCode).toBe(400);
    expect(wrongCourt.json().error.field).toBe('courtId');
    const byParty = await post(t, `/api/v1/cases/${c.id}/confirmation-filings`, c.as.applicant, {
      courtId: k.seatCourtId,
      applicantPartyIds: [c.applicantPartyId, c.respondentPartyId],
      applicationDate: '2026-03-02',
    });
    expect(byParty.statusCode).toBe(403);
    const ok = await file(c);
    expect(ok.statusCode).toBe(201);
    const twice = await file(c);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_EXISTS');
  });

  it('the liaison of that court records acceptance, the 调确字 number and the confirmation', async () => {
    const c = await agreedCase();
    const hidden = await t.app.inject({
      url: `/api/v1/cases/${c.id}/agreements`,
      headers: k.as.seatLiaison,
    });
    expect(hidden.statusCode).toBe(404);
    const f = (await file(c)).json();
    // Now the case is on the court's docket.
    const docket = await t.app.inject({
      url: '/api/v1/court-filings?status=filed',
      headers: k.as.seatLiaison,
    });
    expect(docket.json().items.map((i: { id: string }) => i.id)).toContain(f.filingId);
    const otherCourt = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/acceptance`,
      headers: k.as.maritimeLiaison,
      payload: { courtCaseNumber: 'x' },
    });
    expect(otherCourt.statusCode).toBe(404);
    const officer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/acceptance`,
      headers: k.as.officer,
      payload: { courtCaseNumber: 'x' },
    });
    expect(officer.statusCode).toBe(403);
    const tooSoon = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'confirmed' },
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error.details.state).toBe('filed');

    t.clock.advanceMs(2 * 86_400_000);
    const acc = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/acceptance`,
      headers: k.as.seatLiaison,
      payload: { courtCaseNumber: '(2026)浙0782民特123号' },
    });
    expect(acc.statusCode).toBe(200);
    expect(acc.json().acceptedLate).toBe(false);
    const wrongKind = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'judgment' },
    });
    expect(wrongKind.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'confirmed' },
    });
    expect(res.statusCode).toBe(200);
    const list = await t.app.inject({
      url: `/api/v1/cases/${c.id}/court-filings`,
      headers: c.as.applicant,
    });
    const filing = list.json().items[0];
    expect(filing).toMatchObject({
      kind: 'confirmation',
      status: 'confirmed',
      courtCaseNumber: '(2026)浙0782民特123号',
      acceptedLate: false,
      package: null,
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('case_id', '=', c.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'case.apply_confirmation',
        'court_filing.accepted',
        'court_filing.decided',
      ]),
    );
  });

  it('flags an acceptance later than 3 days; a rejection lets the committee reopen mediation', async () => {
    const c = await agreedCase();
    const f = (await file(c)).json();
    const early = await post(t, `/api/v1/cases/${c.id}/reopen-mediation`, k.as.officer, {
      reason: 'x',
    });
    expect(early.statusCode).toBe(409);
    t.clock.advanceMs(5 * 86_400_000);
    const acc = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/acceptance`,
      headers: k.as.seatLiaison,
      payload: { courtCaseNumber: '(2026)浙0782民特124号' },
    });
    expect(acc.json().acceptedLate).toBe(true);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.filingId}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'rejected', notes: 'Point 2 exceeds the scope of the dispute.' },
    });
    const reopen = await post(t, `/api/v1/cases/${c.id}/reopen-mediation`, k.as.officer, {
      reason: 'The court rejected confirmation; the parties will correct point 2.',
    });
    expect(reopen.statusCode).toBe(200);
    expect(reopen.json().status).toBe('in_mediation');
    const row = await t.database.db
      .selectFrom('cases')
      .select(['status', 'outcome', 'concluded_at', 'agreed_amount_cny_minor'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'in_mediation',
      outcome: null,
      concluded_at: null,
      agreed_amount_cny_minor: null,
    });

    // The correction is a new version that references the agreement it replaces.
    const old = (
      await t.app.inject({ url: `/api/v1/cases/${c.id}/agreements`, headers: k.as.officer })
    ).json().items[0];
    const d = await post(t, `/api/v1/cases/${c.id}/agreements`, k.as.mediator, {
      content: agreementContentFixture(),
      supersedesId: old.id,
    });
    expect(d.statusCode).toBe(201);
    const { agreementId } = d.json();
    const items = (
      await t.app.inject({ url: `/api/v1/cases/${c.id}/agreements`, headers: k.as.officer })
    ).json().items;
    expect(items.find((a: { id: string }) => a.id === agreementId)).toMatchObject({
      supersedesId: old.id,
      version: 2,
    });
  });
});
