import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  concludeAgreed,
  createCommittee,
  createTeamCase,
  post,
  seedFxRates,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import { multipartFile } from '../trust/route-policy.js';
import { createMailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { defaultWorkerOptions, drainOutbox } from '../../src/jobs/run-outbox-worker.js';

let t: TestApp;
let k: Committee;
const START = '2026-03-02T02:00:00.000Z';
beforeAll(async () => {
  t = await buildTestApp({ now: START });
  k = await createCommittee(t.database.db);
  await seedFxRates(t.database.db);
});
afterAll(async () => t.close());

type Headers = Record<string, string>;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function agreedCase() {
  t.clock.set(START);
  const c = await createTeamCase(t.database.db, k);
  await concludeAgreed(t, k, c);
  t.clock.set('2026-03-21T02:00:00.000Z');
  return c;
}

async function uploadSlip(c: TeamCase, as: Headers) {
  const slip = multipartFile(pdf, 'bank-slip.pdf');
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/documents`,
    headers: { ...as, 'content-type': slip.contentType },
    payload: slip.payload,
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

const report = (c: TeamCase, as: Headers, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/payment-reports`,
    headers: as,
    payload: body,
  });

async function reportAs(c: TeamCase, as: Headers, amount: string) {
  const documentId = await uploadSlip(c, as);
  const r = await report(c, as, {
    amount: { amount, currency: 'USD' },
    paidOn: '2026-03-20',
    note: 'Transferred from our account at the Bank of Cairo.',
    documentId,
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

const performance = async (c: TeamCase, as: Headers = k.as.officer) => {
  const r = await t.app.inject({ url: `/api/v1/cases/${c.id}/performance`, headers: as });
  expect(r.statusCode).toBe(200);
  return r.json();
};

const recovered2026 = async () => {
  const r = await t.app.inject({
    url: `/api/v1/stats/summary?from=2026-01-01&to=2026-12-31`,
    headers: k.as.director,
  });
  expect(r.statusCode).toBe(200);
  return r.json().amountRecoveredCny as number;
};

const notificationsOf = async (as: Headers) =>
  (await t.app.inject({ url: '/api/v1/notifications', headers: as })).json().items as {
    kind: string;
  }[];

describe('payments a party reports', () => {
  it('count towards nothing until an officer verifies them; then CNY is fixed at the payment-day rate and the amount owed falls', async () => {
    const c = await agreedCase();
    const statsBefore = await recovered2026();
    const id = await reportAs(c, c.as.applicant, '6000.00');

    const reported = await performance(c);
    expect(reported.outstanding).toBe('12000.00');
    expect(reported.recoveredCny).toBe('0.00');
    expect(reported.payments).toEqual([]);
    expect(reported.paymentReports).toEqual([
      expect.objectContaining({
        id,
        amount: '6000.00',
        currency: 'USD',
        paidOn: '2026-03-20',
        status: 'reported',
        document: expect.objectContaining({ filename: 'bank-slip.pdf' }),
      }),
    ]);
    expect(await recovered2026()).toBe(statsBefore);

    const verified = await post(
      t,
      `/api/v1/cases/${c.id}/payment-reports/${id}/verify`,
      k.as.officer,
    );
    expect(verified.statusCode).toBe(200);
    // USD 6,000 × 7.2000 (the rate of 2026-03-20, the day it was paid) = CNY 43,200.00
    expect(verified.json()).toMatchObject({
      amountCnyMinor: 4_320_000,
      fxRate: '7.2000',
      status: 'performing',
    });
    const after = await performance(c, c.as.applicant);
    expect(after.outstanding).toBe('6000.00');
    expect(after.payments).toHaveLength(1);
    expect(after.paymentReports[0]).toMatchObject({
      status: 'verified',
      paymentId: verified.json().paymentId,
    });
    expect(await recovered2026()).toBeCloseTo(statsBefore + 43_200, 2);

    // Decided once: verifying again is refused and records nothing more.
    const again = await post(t, `/api/v1/cases/${c.id}/payment-reports/${id}/verify`, k.as.officer);
    expect(again.statusCode).toBe(409);
    expect((await performance(c)).payments).toHaveLength(1);
  });

  it('a disputed report is never counted, and its reason reaches the party who reported it', async () => {
    const c = await agreedCase();
    const statsBefore = await recovered2026();
    const id = await reportAs(c, c.as.respondent, '5000.00');
    const disputed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/payment-reports/${id}/dispute`,
      headers: k.as.officer,
      payload: { reason: 'The slip shows a transfer to another account.' },
    });
    expect(disputed.statusCode).toBe(200);
    const own = await performance(c, c.as.respondent);
    expect(own.outstanding).toBe('12000.00');
    expect(own.paymentReports[0]).toMatchObject({
      status: 'disputed',
      disputeReason: 'The slip shows a transfer to another account.',
    });
    // The other side sees its own reports only.
    expect((await performance(c, c.as.applicant)).paymentReports).toEqual([]);
    expect(await recovered2026()).toBe(statsBefore);
    const verify = await post(
      t,
      `/api/v1/cases/${c.id}/payment-reports/${id}/verify`,
      k.as.officer,
    );
    expect(verify.statusCode).toBe(409);
  });

  it('only a party of the case reports, only the committee decides; another case’s party gets 404', async () => {
    const c = await agreedCase();
    const other = await agreedCase();
    const id = await reportAs(c, c.as.applicant, '100.00');
    const verifyUrl = `/api/v1/cases/${c.id}/payment-reports/${id}/verify`;
    // A party cannot verify its own report, nor can the mediator.
    expect((await post(t, verifyUrl, c.as.applicant)).statusCode).toBe(403);
    expect((await post(t, verifyUrl, k.as.mediator)).statusCode).toBe(403);
    // The party of another case may not learn the case or the report exist.
    expect((await post(t, verifyUrl, other.as.applicant)).statusCode).toBe(404);
    const slip = await uploadSlip(other, other.as.applicant);
    const foreign = await report(c, other.as.applicant, {
      amount: { amount: '100.00', currency: 'USD' },
      paidOn: '2026-03-20',
      documentId: slip,
    });
    expect(foreign.statusCode).toBe(404);
    // The officer does not report payments: they record them.
    const byOfficer = await report(c, k.as.officer, {
      amount: { amount: '100.00', currency: 'USD' },
      paidOn: '2026-03-20',
      documentId: slip,
    });
    expect(byOfficer.statusCode).toBe(403);
    // A report on another case's id is not found on this one.
    const cross = await post(
      t,
      `/api/v1/cases/${other.id}/payment-reports/${id}/verify`,
      k.as.officer,
    );
    expect(cross.statusCode).toBe(404);
  });

  it('refuses a bad report with the field named: Persian digits are an amount, a slip from the other side is not proof', async () => {
    const c = await agreedCase();
    const slip = await uploadSlip(c, c.as.applicant);
    const persian = await report(c, c.as.applicant, {
      amount: { amount: '۲۵۰۰٫۵۰', currency: 'USD' },
      paidOn: '2026-03-20',
      documentId: slip,
    });
    expect(persian.statusCode).toBe(201);
    expect((await performance(c)).paymentReports[0].amount).toBe('2500.50');
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: { amount: '1,5', currency: 'USD' } }, 'amount.amount'],
      [{ amount: { amount: '100.00', currency: 'EUR' } }, 'amount.currency'],
      [{ paidOn: '2026-04-01' }, 'paidOn'], // after today
      [{ documentId: await uploadSlip(c, c.as.respondent) }, 'documentId'],
    ];
    for (const [change, field] of cases) {
      const r = await report(c, c.as.applicant, {
        amount: { amount: '100.00', currency: 'USD' },
        paidOn: '2026-03-20',
        documentId: slip,
        ...change,
      });
      expect(r.statusCode, field).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});

describe('who hears of a reported payment', () => {
  it('the team and the officers of a report, the parties of its verification, only the reporter of a dispute', async () => {
    const c = await agreedCase();
    const verifiedId = await reportAs(c, c.as.applicant, '100.00');
    const disputedId = await reportAs(c, c.as.applicant, '200.00');
    await post(t, `/api/v1/cases/${c.id}/payment-reports/${verifiedId}/verify`, k.as.officer);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/payment-reports/${disputedId}/dispute`,
      headers: k.as.officer,
      payload: { reason: 'Not received.' },
    });
    await drainOutbox(
      t.deps,
      createMailSender(t.deps.config, () => t.clock.now()),
      defaultWorkerOptions,
    );
    const kinds = async (as: Headers) =>
      (await notificationsOf(as)).map((n) => n.kind).filter((x) => x.startsWith('payment.'));
    expect(await kinds(k.as.mediator)).toEqual(expect.arrayContaining(['payment.reported']));
    // The officer who verified it is not told of their own step.
    const officer = await kinds(k.as.officer);
    expect(officer).toContain('payment.reported');
    expect(officer).not.toContain('payment.verified');
    expect(await kinds(c.as.applicant)).toEqual(
      expect.arrayContaining(['payment.verified', 'payment.disputed']),
    );
    const respondent = await kinds(c.as.respondent);
    expect(respondent).toContain('payment.verified');
    expect(respondent).not.toContain('payment.disputed');
    expect(respondent).not.toContain('payment.reported');
  });

  it('the inbox renders them in the language of the screen asked for, else the account’s; an unsupported one is refused', async () => {
    const list = (q: string) =>
      t.app.inject({ url: `/api/v1/notifications?${q}`, headers: k.as.officer });
    const fa = await list('lang=fa-IR');
    expect(fa.statusCode).toBe(200);
    const reported = (b: { items: { kind: string; title: string }[] }) =>
      b.items.find((n) => n.kind === 'payment.reported')!.title;
    expect(reported(fa.json())).toBe('پرداخت گزارش شد');
    // The officer's account reads Chinese.
    expect(reported((await list('limit=50')).json())).toBe('当事人报告了付款');
    const bad = await list('lang=xx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lang' });
  });
});
