import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCourt, createMediator, createOrg, createUser } from '../support/factories.js';
import { intakePayload, orgSlugOf, signInAsParty } from '../support/case-factories.js';
import {
  caseVersion,
  seedFxRates,
  sessionFor,
  type Headers,
} from '../support/agreement-factories.js';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import { markBreachedCases } from '../../src/use-cases/performance/mark-breached-cases.js';

/**
 * One foreign case, end to end through the public API: an Arabic-speaking buyer from Egypt
 * against a Yiwu trading company, USD 12,000, from the application to fulfilment. Then the other
 * roads: failure and litigation, breach, withdrawal, rejection and appeal.
 */
let t: TestApp;
let orgSlug: string;
let officer: Headers;
let director: Headers;
let mediator: { id: string; as: Headers };
let lawyer: { id: string; as: Headers };
let liaison: Headers;
let seatCourtId: string;

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  const db = t.database.db;
  const org = await createOrg(db, { prefix: '义外调' });
  orgSlug = await orgSlugOf(t, org.id);
  seatCourtId = (await createCourt(db, org.id, { seat: true })).id;
  officer = await sessionFor(db, (await createUser(db, { orgId: org.id, role: 'officer' })).id);
  director = await sessionFor(db, (await createUser(db, { orgId: org.id, role: 'director' })).id);
  liaison = await sessionFor(
    db,
    (await createUser(db, { orgId: org.id, role: 'court_liaison', courtId: seatCourtId })).id,
  );
  const mu = await createUser(db, { orgId: org.id, role: 'mediator', name: 'Omar Farouk' });
  mediator = {
    id: (
      await createMediator(db, {
        orgId: org.id,
        userId: mu.id,
        nationality: 'EG',
        languages: [
          { code: 'ar', proficiency: 'native' },
          { code: 'zh', proficiency: 'fluent' },
          { code: 'en', proficiency: 'fluent' },
        ],
      })
    ).id,
    as: await sessionFor(db, mu.id),
  };
  const lu = await createUser(db, { orgId: org.id, role: 'mediator', name: '王律师' });
  lawyer = {
    id: (
      await createMediator(db, { orgId: org.id, userId: lu.id, kind: 'lawyer', nationality: 'CN' })
    ).id,
    as: await sessionFor(db, lu.id),
  };
  await seedFxRates(db);
});
afterAll(async () => t.close());

async function call(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Headers | undefined,
  body?: Record<string, unknown>,
  expected = method === 'GET' ? 200 : undefined,
) {
  const m = /\/cases\/([0-9a-f-]{36})/.exec(url);
  const payload =
    body && m && !('version' in body)
      ? { version: await caseVersion(t.database.db, m[1]!), ...body }
      : body;
  const r = await t.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  if (r.statusCode >= 300 || (expected && r.statusCode !== expected)) {
    throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  }
  return r.json();
}

/** Application through the public endpoint; the applicant follows it with the link's token. */
async function apply(overrides: Record<string, unknown> = {}) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: intakePayload({ orgSlug, ...overrides }),
  });
  expect(r.statusCode).toBe(201);
  const created = r.json();
  const outbox = await t.database.db.selectFrom('outbox').select('payload_json').execute();
  const submitted = outbox
    .map((o) => JSON.parse(o.payload_json))
    .find((p) => p.event === 'case.submitted' && p.caseId === created.id);
  const tokenKey = Object.keys(submitted.params).find((k) => k.startsWith('inviteToken_'))!;
  const redeemed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/invitations/redeem',
    payload: { token: submitted.params[tokenKey] },
  });
  expect(redeemed.statusCode).toBe(200);
  const applicant = {
    partyId: tokenKey.slice('inviteToken_'.length),
    as: { authorization: `Bearer ${redeemed.json().token}` },
  };
  // The respondent has no invitation at intake; it gets an account as the committee onboards it.
  const respondent = await signInAsParty(t, created.id, 'respondent');
  return {
    id: created.id as string,
    reference: created.reference as string,
    applicant,
    respondent: { partyId: respondent.partyId, as: respondent.headers as Headers },
  };
}

async function toMediation(c: Awaited<ReturnType<typeof apply>>) {
  await call('POST', `/cases/${c.id}/accept`, officer, {
    reason: 'Within our remit; parties reachable.',
  });
  await call('PUT', `/cases/${c.id}/team`, officer, { lead: mediator.id, lawyer: lawyer.id });
  const s = await call('POST', `/cases/${c.id}/sessions`, officer, {
    startsAt: '2026-03-02T14:00',
    timeZone: 'Asia/Shanghai',
    durationMinutes: 90,
    mode: 'in_person',
    room: '调解室 2',
  });
  const rec = await call('POST', `/cases/${c.id}/sessions/${s.sessionId}/record`, mediator.as, {
    attendees: [
      { kind: 'party', id: c.applicant.partyId },
      { kind: 'party', id: c.respondent.partyId },
      { kind: 'mediator', id: mediator.id },
      { kind: 'mediator', id: lawyer.id },
    ],
    interpreterPresent: true,
    minutes: { language: 'zh', text: '双方确认 1,200 个手机壳有裂纹，卖方同意退款。' },
    translations: [{ language: 'ar', text: 'أكد الطرفان وجود تشققات في 1200 غطاء هاتف.' }],
  });
  expect(rec.status).toBe('in_mediation');
}

const point = (no: number, en: string, zh: string, ar: string) => ({
  no,
  text: { lang: 'zh', text: zh, translations: { en, ar } },
});
const agreementContent = {
  facts: {
    lang: 'zh',
    text: '买方购买手机壳 5,000 个，其中 1,200 个到货时破裂。',
    translations: { ar: 'اشترى المشتري 5000 غطاء هاتف، وصل منها 1200 مكسورًا.' },
  },
  disputedMatters: {
    lang: 'zh',
    text: '破裂原因及退款金额。',
    translations: { ar: 'سبب التشقق ومبلغ الاسترداد.' },
  },
  responsibilities: {
    lang: 'zh',
    text: '卖方包装不当，承担主要责任。',
    translations: { ar: 'البائع لم يغلّف البضاعة كما ينبغي، ويتحمّل المسؤولية الرئيسية.' },
  },
  points: [
    point(
      1,
      'The seller refunds USD 12,000.',
      '卖方退还货款 12,000 美元。',
      'يعيد البائع 12000 دولار.',
    ),
    point(
      2,
      'The buyer returns the cracked cases.',
      '买方退回破裂的手机壳。',
      'يعيد المشتري الأغطية المكسورة.',
    ),
  ],
  amount: '12000.00',
  currency: 'USD',
  performanceMethod: {
    lang: 'zh',
    text: '银行转账，分两期支付。',
    translations: { ar: 'تحويل مصرفي على قسطين.' },
  },
  instalments: [
    { seq: 1, dueOn: '2026-03-20', amount: '6000.00' },
    { seq: 2, dueOn: '2026-04-20', amount: '6000.00' },
  ],
  prevailingLanguage: 'zh',
};

async function agree(c: Awaited<ReturnType<typeof apply>>) {
  const base = `/cases/${c.id}/agreements`;
  const { agreementId } = await call('POST', base, mediator.as, { content: agreementContent });
  const fin = await call('POST', `${base}/${agreementId}/finalise`, lawyer.as, {});
  for (const p of [c.applicant, c.respondent]) {
    for (const n of [1, 2]) {
      await call('POST', `${base}/${agreementId}/confirmations`, p.as, {
        partyId: p.partyId,
        pointNo: n,
      });
    }
    const s = await call('POST', `${base}/${agreementId}/signatures`, p.as, {
      signer: 'party',
      partyId: p.partyId,
    });
    expect(s.textHash).toBe(fin.textHash);
  }
  await call('POST', `${base}/${agreementId}/signatures`, mediator.as, { signer: 'mediator' });
  const seal = await call('POST', `${base}/${agreementId}/seal`, officer, {});
  return { agreementId, seal };
}

describe('a foreign case from application to fulfilment', () => {
  it('walks every step', async () => {
    const c = await apply();
    expect(c.reference).toMatch(/^\(2026\) 义外调 No\. \d{4}$/);
    await toMediation(c);

    // Messages with translation: the buyer writes in Arabic, the mediator adds Chinese.
    // (Messages change no case state, so they carry no version.)
    const msg = await call('POST', `/cases/${c.id}/messages`, c.applicant.as, {
      version: undefined,
      language: 'ar',
      body: 'أرفقت صور البضائع التالفة.',
    });
    await call('PUT', `/cases/${c.id}/messages/${msg.id}/translations/zh`, mediator.as, {
      version: undefined,
      text: '我已附上损坏货物的照片。',
    });
    const thread = await call('GET', `/cases/${c.id}/messages`, c.respondent.as);
    const seen = thread.items.find((m: { id: string }) => m.id === msg.id);
    expect(seen.translations[0]).toMatchObject({
      language: 'zh',
      text: '我已附上损坏货物的照片。',
    });

    // Evidence: uploaded by the buyer, type sniffed from the content.
    const boundary = '----e2e' + Date.now();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/documents`,
      headers: { ...c.applicant.as, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photos.pdf"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(up.statusCode).toBe(201);

    // Proposal → agreement confirmed point by point, signed, sealed.
    const { seal } = await agree(c);
    expect(seal.amountCnyMinor).toBe(8_548_080); // USD 12,000 × 7.1234
    let detail = await call('GET', `/cases/${c.id}`, officer);
    expect(detail.status ?? detail.case?.status).toBe('agreed');

    // Judicial confirmation at the seat court, within the window.
    const suggestion = await call(
      'GET',
      `/cases/${c.id}/confirmation/suggested-court`,
      c.applicant.as,
    );
    expect(suggestion.courts[0].id).toBe(seatCourtId);
    t.clock.set('2026-03-05T02:00:00.000Z');
    const filing = await call('POST', `/cases/${c.id}/confirmation-filings`, officer, {
      courtId: seatCourtId,
      applicantPartyIds: [c.applicant.partyId, c.respondent.partyId],
      applicationDate: '2026-03-05',
    });
    t.clock.set('2026-03-06T02:00:00.000Z');
    const acc = await call('POST', `/court-filings/${filing.filingId}/acceptance`, liaison, {
      courtCaseNumber: '(2026)浙0782民特88号',
    });
    expect(acc.acceptedLate).toBe(false);
    await call('POST', `/court-filings/${filing.filingId}/result`, liaison, {
      result: 'confirmed',
    });

    // Instalments paid, CNY at each payment day's rate.
    t.clock.set('2026-03-20T09:00:00.000Z');
    const p1 = await call('POST', `/cases/${c.id}/payments`, officer, {
      amount: { amount: '6000.00', currency: 'USD' },
      paidOn: '2026-03-20',
    });
    expect(p1.status).toBe('performing');
    t.clock.set('2026-04-20T09:00:00.000Z');
    await call('POST', `/cases/${c.id}/payments`, officer, {
      amount: { amount: '6000.00', currency: 'USD' },
      paidOn: '2026-04-20',
    });
    const perf = await call('GET', `/cases/${c.id}/performance`, officer);
    expect(perf.recoveredCny).toBe('85500.00');

    // The follow-up visit closes it.
    const fu = await call(
      'POST',
      `/cases/${c.id}/follow-ups/${perf.followUps[0].id}`,
      mediator.as,
      {
        method: 'visit',
        notes: 'Refund received in full; cracked cases returned.',
        satisfaction: 5,
      },
    );
    expect(fu.status).toBe('fulfilled');
    // (The parties' 12-hour sessions expired weeks ago on this clock.)
    detail = await call('GET', `/cases/${c.id}`, officer);
    expect(detail.status ?? detail.case?.status).toBe('fulfilled');
    expect(await findAuditChainBreak(t.database.db)).toBeUndefined();
    t.clock.set('2026-03-02T02:00:00.000Z');
  });
});

describe('the other roads', () => {
  it('a failed case is referred to litigation', async () => {
    const c = await apply({ summary: 'Unpaid deposit 定金未退' });
    await toMediation(c);
    await call('POST', `/cases/${c.id}/outcome/failed`, mediator.as, {
      reason: 'The seller denies receiving the deposit.',
    });
    const ref = await call('POST', `/cases/${c.id}/referrals`, officer, {
      courtId: seatCourtId,
      reason: 'Failed mediation; the buyer sues for the deposit.',
    });
    expect(ref.status).toBe('referred');
    const filings = await call('GET', `/cases/${c.id}/court-filings`, liaison);
    expect(filings.items[0].package.caseSummary.summary).toBe('Unpaid deposit 定金未退');
    await call('POST', `/court-filings/${ref.filingId}/acceptance`, liaison, {
      courtCaseNumber: '(2026)浙0782民初901号',
    });
    const res = await call('POST', `/court-filings/${ref.filingId}/result`, liaison, {
      result: 'court_mediation',
    });
    expect(res.status).toBe('decided');
  });

  it('an agreement breached past the grace period', async () => {
    t.clock.set('2026-03-02T02:00:00.000Z');
    const c = await apply();
    await toMediation(c);
    await agree(c);
    t.clock.set('2026-04-05T02:00:00.000Z');
    const r = await markBreachedCases(t.deps);
    expect(r.breachedCaseIds).toContain(c.id);
    const perf = await call('GET', `/cases/${c.id}/performance`, officer);
    expect(perf.status).toBe('breached');
    await call('POST', `/cases/${c.id}/referrals`, officer, {
      courtId: seatCourtId,
      reason: 'First instalment unpaid 16 days after it fell due.',
    });
    t.clock.set('2026-03-02T02:00:00.000Z');
  });

  it('a withdrawal by the applicant', async () => {
    const c = await apply();
    await call('POST', `/cases/${c.id}/accept`, officer, { reason: 'Within our remit.' });
    const w = await call('POST', `/cases/${c.id}/withdraw`, c.applicant.as, {
      reason: 'The seller refunded me directly.',
    });
    expect(w.status).toBe('withdrawn');
  });

  it('a rejection and its appeal', async () => {
    const c = await apply();
    const rej = await call('POST', `/cases/${c.id}/reject`, officer, {
      reason: 'No evidence of a contract.',
    });
    expect(rej.status).toBe('rejected');
    await call('POST', `/cases/${c.id}/appeal`, c.applicant.as, {
      reason: 'The order confirmation is attached.',
    });
    const d = await call('POST', `/cases/${c.id}/appeal/decision`, director, {
      decision: 'overturn',
      reason: 'The order confirmation proves the contract.',
    });
    expect(d.status).toBe('accepted');
  });
});
