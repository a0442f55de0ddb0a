import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  caseVersion,
  concludeAgreed,
  countRows,
  createCommittee,
  createTeamCase,
  post,
  seedFxRates,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import { markBreachedCases } from '../../src/use-cases/performance/mark-breached-cases.js';
import { BREACH_GRACE_DAYS } from '../../src/domain/performance-rules.js';

let t: TestApp;
let k: Committee;
const START = '2026-03-02T02:00:00.000Z';
beforeAll(async () => {
  t = await buildTestApp({ now: START });
  k = await createCommittee(t.database.db);
  await seedFxRates(t.database.db);
});
afterAll(async () => t.close());

async function agreedCase() {
  t.clock.set(START);
  const c = await createTeamCase(t.database.db, k);
  await concludeAgreed(t, k, c);
  return c;
}

const pay = (c: TeamCase, amount: string, paidOn: string, extra: Record<string, unknown> = {}) =>
  post(t, `/api/v1/cases/${c.id}/payments`, k.as.officer, {
    amount: { amount, currency: 'USD' },
    paidOn,
    ...extra,
  });

const performance = async (c: TeamCase, as = k.as.officer) =>
  (await t.app.inject({ url: `/api/v1/cases/${c.id}/performance`, headers: as })).json();

describe('payments and fulfilment', () => {
  it('fixes CNY at the payment-day rate, starts performance, and fulfils only after the follow-up visit', async () => {
    const c = await agreedCase();
    t.clock.set('2026-03-21T02:00:00.000Z');
    const first = await pay(c, '6000.00', '2026-03-20');
    expect(first.statusCode).toBe(201);
    // USD 6,000 × 7.2000 (rate of 2026-03-20) = CNY 43,200.00
    expect(first.json()).toMatchObject({
      amountCnyMinor: 4_320_000,
      fxRate: '7.2000',
      status: 'performing',
    });
    t.clock.set('2026-04-22T02:00:00.000Z');
    // 2026-04-21 has no fixing: the latest earlier rate (2026-04-20, 7.0500) applies.
    const second = await pay(c, '6000.00', '2026-04-21');
    expect(second.json()).toMatchObject({ amountCnyMinor: 4_230_000, status: 'performing' });
    const p = await performance(c);
    expect(p.outstanding).toBe('0.00');
    expect(p.recoveredCny).toBe('85500.00');
    expect(p.instalments.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);
    expect(p.payments.map((x: { amountCny: string }) => x.amountCny)).toEqual([
      '43200.00',
      '42300.00',
    ]);
    // A later change of the stored rate never touches recorded payments.
    await t.database.db.updateTable('fx_rates').set({ cny_per_unit: '9.9999' }).execute();
    expect((await performance(c)).recoveredCny).toBe('85500.00');
    await t.database.db.deleteFrom('fx_rates').execute();
    await seedFxRates(t.database.db);

    const fu = p.followUps[0];
    expect(fu.doneAt).toBeNull();
    const visit = await post(t, `/api/v1/cases/${c.id}/follow-ups/${fu.id}`, k.as.mediator, {
      method: 'phone',
      notes: 'Both parties confirm the refund was received; the goods were returned.',
      satisfaction: 5,
    });
    expect(visit.statusCode).toBe(200);
    expect(visit.json().status).toBe('fulfilled');
    const row = await t.database.db
      .selectFrom('cases')
      .select(['status', 'recovered_cny_minor', 'closed_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'fulfilled',
      recovered_cny_minor: 8_550_000,
      closed_at: '2026-04-22T02:00:00.000Z',
    });
    const twice = await post(t, `/api/v1/cases/${c.id}/follow-ups/${fu.id}`, k.as.mediator, {
      method: 'phone',
      notes: 'again',
    });
    expect(twice.statusCode).toBe(409);
    // Parties see the visit but not the committee's notes.
    expect((await performance(c, c.as.applicant)).followUps[0].notes).toBeNull();
  });

  it('a visit first, then the last payment, also fulfils', async () => {
    const c = await agreedCase();
    const fu = (await performance(c)).followUps[0];
    const v = await post(t, `/api/v1/cases/${c.id}/follow-ups/${fu.id}`, k.as.officer, {
      method: 'visit',
      notes: 'Seller arranging the transfer.',
    });
    expect(v.json().status).toBe('agreed');
    t.clock.set('2026-03-21T02:00:00.000Z');
    const r = await pay(c, '12000.00', '2026-03-20');
    expect(r.json().status).toBe('fulfilled');
  });

  it('refuses bad payments with the field and writes nothing; a stale version is 409', async () => {
    const c = await agreedCase();
    t.clock.set('2026-03-21T02:00:00.000Z');
    const before = await countRows(t.database.db);
    const v = await caseVersion(t.database.db, c.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: { amount: '100.00', currency: 'EUR' }, paidOn: '2026-03-20' }, 'amount.currency'],
      [{ amount: { amount: '100.00', currency: 'QQQ' }, paidOn: '2026-03-20' }, 'amount.currency'],
      [{ amount: { amount: '12000.01', currency: 'USD' }, paidOn: '2026-03-20' }, 'amount.amount'],
      [{ amount: { amount: '-5', currency: 'USD' }, paidOn: '2026-03-20' }, 'amount.amount'],
      [{ amount: { amount: '100.00', currency: 'USD' }, paidOn: '2026-03-25' }, 'paidOn'],
      [{ amount: { amount: '100.00', currency: 'USD' }, paidOn: '2026-13-01' }, 'paidOn'],
      [{ amount: { amount: '100.00', currency: 'USD' }, paidOn: '2025-01-01' }, 'amount.currency'],
    ];
    for (const [body, field] of cases) {
      const r = await post(t, `/api/v1/cases/${c.id}/payments`, k.as.officer, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.field).toBe(field);
    }
    const stale = await post(t, `/api/v1/cases/${c.id}/payments`, k.as.officer, {
      version: v - 1,
      amount: { amount: '100.00', currency: 'USD' },
      paidOn: '2026-03-20',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(await countRows(t.database.db)).toEqual(before);
    expect(await caseVersion(t.database.db, c.id)).toBe(v);
    const byParty = await post(t, `/api/v1/cases/${c.id}/payments`, c.as.respondent, {
      amount: { amount: '100.00', currency: 'USD' },
      paidOn: '2026-03-20',
    });
    expect(byParty.statusCode).toBe(403);
    const stranger = await post(t, `/api/v1/cases/${c.id}/payments`, k.as.strangerOfficer, {
      amount: { amount: '100.00', currency: 'USD' },
      paidOn: '2026-03-20',
    });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('breach after the grace period', () => {
  it(`marks breached only after ${BREACH_GRACE_DAYS} days past due, once, and the case can then go to court`, async () => {
    const c = await agreedCase();
    const other = await agreedCase();
    // Instalment 1 is due 2026-03-20; the grace period runs to 2026-04-04 (Shanghai).
    t.clock.set('2026-04-04T02:00:00.000Z');
    let r = await markBreachedCases(t.deps);
    expect(r.breachedCaseIds).not.toContain(c.id);
    t.clock.set('2026-04-05T02:00:00.000Z');
    // The other case paid its first instalment in time.
    await pay(other, '6000.00', '2026-03-19');
    const stranger = await post(t, '/api/v1/performance/mark-breached', k.as.strangerOfficer, {});
    expect(stranger.json().breachedCaseIds).toEqual([]);
    const byParty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/performance/mark-breached',
      headers: c.as.applicant,
      payload: {},
    });
    // A party is staff of no committee: to them the action does not exist.
    expect(byParty.statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/performance/mark-breached',
      headers: k.as.officer,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().breachedCaseIds).toContain(c.id);
    expect(res.json().breachedCaseIds).not.toContain(other.id);
    const p = await performance(c);
    expect(p.status).toBe('breached');
    expect(p.instalments.map((i: { status: string }) => i.status)).toEqual(['missed', 'due']);
    r = await markBreachedCases(t.deps);
    expect(r.breachedCaseIds).toEqual([]);
    const events = await t.database.db.selectFrom('outbox').select('payload_json').execute();
    expect(
      events.filter((e) => {
        const p = JSON.parse(e.payload_json);
        return p.event === 'instalment.missed' && p.caseId === c.id;
      }),
    ).toHaveLength(1);
    // A late payment is still recorded on a breached case; it stays breached.
    const late = await pay(c, '6000.00', '2026-04-05');
    expect(late.statusCode).toBe(201);
    expect(late.json().status).toBe('breached');
    const ref = await post(t, `/api/v1/cases/${c.id}/referrals`, k.as.officer, {
      courtId: k.seatCourtId,
      reason: 'The seller missed the second instalment as well.',
    });
    expect(ref.statusCode).toBe(201);
    expect(ref.json().status).toBe('referred');
  });
});

describe('police referral (警调联动)', () => {
  it('is recorded without changing the state, hidden from parties, and refused on a closed case', async () => {
    const c = await agreedCase();
    const r = await post(t, `/api/v1/cases/${c.id}/police-referrals`, k.as.officer, {
      reason: 'The seller’s company registration appears forged.',
    });
    expect(r.statusCode).toBe(201);
    const p = await performance(c);
    expect(p.status).toBe('agreed');
    expect(p.policeReferrals).toHaveLength(1);
    expect((await performance(c, c.as.applicant)).policeReferrals).toEqual([]);
    const byMediator = await post(t, `/api/v1/cases/${c.id}/police-referrals`, k.as.mediator, {
      reason: 'x',
    });
    expect(byMediator.statusCode).toBe(403);
    await t.database.db
      .updateTable('cases')
      .set({ status: 'fulfilled' })
      .where('id', '=', c.id)
      .execute();
    const closed = await post(t, `/api/v1/cases/${c.id}/police-referrals`, k.as.officer, {
      reason: 'x',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details.state).toBe('fulfilled');
  });
});
