import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser, createMediator } from '../support/factories.js';
import { createStatsCase, createStatsPayment } from '../support/stats-factories.js';
import { familyOf } from '../../src/domain/language-families.js';
import { findRollupMismatches } from '../../src/db/repositories/stats-raw-repository.js';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
let director: string;
let mediatorToken: string;
let otherDirector: string;
let mediatorId: string;

async function tokenOf(u: { email: string; password: string }): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: u.email, password: u.password },
  });
  return res.json().token as string;
}

const get = (url: string, token: string) =>
  t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  const db = t.database.db;
  orgId = (await createOrg(db)).id;
  otherOrgId = (await createOrg(db)).id;
  director = await tokenOf(await createUser(db, { orgId, role: 'director' }));
  otherDirector = await tokenOf(await createUser(db, { orgId: otherOrgId, role: 'director' }));
  const mediatorUser = await createUser(db, { orgId, role: 'mediator' });
  mediatorToken = await tokenOf(mediatorUser);
  mediatorId = (
    await createMediator(db, { orgId, userId: mediatorUser.id, name: 'Statistics Mediator' })
  ).id;

  // Accepted in 2024, concluded (agreed, in US dollars) in 2025, then partly paid.
  const c1 = await createStatsCase(db, {
    orgId,
    status: 'performing',
    acceptedAt: '2024-12-20T03:00:00.000Z',
    concludedAt: '2025-01-10T06:00:00.000Z',
    outcome: 'agreed',
    agreedAt: '2025-01-10T06:00:00.000Z',
    agreed: { minor: 1_000_000, currency: 'USD', cnyMinor: 7_100_000 },
    parties: [
      { country: 'RU', languages: ['ru', 'en'] },
      { country: 'CN', languages: ['zh'] },
    ],
    mediatorIds: [mediatorId],
  });
  await createStatsPayment(db, {
    orgId,
    caseId: c1.id,
    paidOn: '2025-02-01',
    minor: 400_000,
    currency: 'USD',
    cnyMinor: 2_840_000,
  });
  // Failed.
  await createStatsCase(db, {
    orgId,
    status: 'failed',
    category: 'payment',
    acceptedAt: '2025-03-01T02:00:00.000Z',
    concludedAt: '2025-03-20T02:00:00.000Z',
    outcome: 'failed',
  });
  // Withdrawn: accepted, but never concluded.
  await createStatsCase(db, {
    orgId,
    status: 'withdrawn',
    source: 'court_referral',
    acceptedAt: '2025-04-01T02:00:00.000Z',
    concludedAt: '2025-04-05T02:00:00.000Z',
    outcome: 'withdrawn',
  });
  // Agreed in yuan, paid in full in 2025 and an extra payment in 2026 (outside the period).
  const c4 = await createStatsCase(db, {
    orgId,
    status: 'fulfilled',
    category: 'intellectual_property',
    acceptedAt: '2025-05-01T02:00:00.000Z',
    concludedAt: '2025-05-11T02:00:00.000Z',
    outcome: 'agreed',
    agreedAt: '2025-05-11T02:00:00.000Z',
    agreed: { minor: 5_000_000, currency: 'CNY', cnyMinor: 5_000_000 },
    parties: [
      { country: 'AE', languages: ['ar'] },
      { country: 'CN', languages: ['zh'] },
    ],
  });
  await createStatsPayment(db, {
    orgId,
    caseId: c4.id,
    paidOn: '2025-06-01',
    minor: 5_000_000,
    currency: 'CNY',
    cnyMinor: 5_000_000,
  });
  await createStatsPayment(db, {
    orgId,
    caseId: c4.id,
    paidOn: '2026-01-05',
    minor: 100,
    currency: 'CNY',
    cnyMinor: 100,
  });
  // Rejected: never accepted.
  await createStatsCase(db, {
    orgId,
    status: 'rejected',
    submittedAt: '2025-06-01T02:00:00.000Z',
    concludedAt: '2025-06-02T02:00:00.000Z',
    outcome: 'rejected',
  });
  // Still under mediation, past its deadline.
  await createStatsCase(db, {
    orgId,
    status: 'in_mediation',
    acceptedAt: '2025-11-01T02:00:00.000Z',
    mediationDueAt: '2025-12-01T02:00:00.000Z',
  });
  // Another organisation's case must never leak into this one's figures.
  await createStatsCase(db, {
    orgId: otherOrgId,
    status: 'accepted',
    acceptedAt: '2025-02-01T02:00:00.000Z',
  });
});
afterAll(async () => t.close());

describe('GET /api/v1/stats/summary', () => {
  it('applies every definition of DESIGN §4 to the fixture', async () => {
    const res = await get('/api/v1/stats/summary?from=2025-01-01&to=2025-12-31', director);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      orgId,
      from: '2025-01-01',
      to: '2025-12-31',
      casesAccepted: 4,
      casesConcluded: 3,
      casesSucceeded: 2,
      successRate: 2 / 3,
      amountAgreedCny: 121_000,
      amountRecoveredCny: 78_400,
      medianDaysToConclusion: 19,
      openCases: 3,
      overdueCases: 1,
    });
  });

  it('counts acceptance and conclusion in their own periods', async () => {
    const y2024 = (
      await get('/api/v1/stats/summary?from=2024-01-01&to=2024-12-31', director)
    ).json();
    expect(y2024.casesAccepted).toBe(1);
    expect(y2024.casesConcluded).toBe(0);
    expect(y2024.successRate).toBeNull();
    const jan = (await get('/api/v1/stats/summary?from=2025-01-10&to=2025-01-10', director)).json();
    expect(jan.casesSucceeded).toBe(1);
    expect(jan.amountAgreedCny).toBe(71_000);
    expect(jan.medianDaysToConclusion).toBe(21);
  });

  it('rejects bad periods with 400 naming the field', async () => {
    for (const [q, field] of [
      ['from=2025-02-01&to=2025-01-01', 'from'],
      ['from=2025-02-30&to=2025-03-01', 'from'],
      ['from=2025-01-01&to=yesterday', 'to'],
      ['from=1970-01-01&to=2025-01-01', 'to'],
      ['from=2025-01-01&to=2025-01-02&color=red', 'color'],
    ] as const) {
      const res = await get(`/api/v1/stats/summary?${q}`, director);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.field).toBe(field);
    }
  });

  it("answers 404 for another organisation's figures and 403 to a mediator", async () => {
    expect((await get(`/api/v1/stats/summary?orgId=${otherOrgId}`, director)).statusCode).toBe(404);
    expect((await get(`/api/v1/stats/summary?orgId=${orgId}`, otherDirector)).statusCode).toBe(404);
    expect((await get('/api/v1/stats/summary', mediatorToken)).statusCode).toBe(403);
    const other = (
      await get('/api/v1/stats/summary?from=2025-01-01&to=2025-12-31', otherDirector)
    ).json();
    expect(other.casesAccepted).toBe(1);
  });
});

describe('GET /api/v1/stats/breakdown', () => {
  const breakdown = async (by: string) => {
    const res = await get(
      `/api/v1/stats/breakdown?from=2025-01-01&to=2025-12-31&by=${by}`,
      director,
    );
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(
      (res.json().items as { key: string }[]).map((i) => [i.key, i]),
    ) as Record<string, Record<string, unknown>>;
  };

  it('groups by month, category, source, country, language, family and mediator', async () => {
    const month = await breakdown('month');
    expect(month['2025-01']).toMatchObject({
      casesConcluded: 1,
      casesSucceeded: 1,
      amountAgreedCny: 71_000,
    });
    expect(month['2025-02']).toMatchObject({ amountRecoveredCny: 28_400, casesAccepted: 0 });
    expect(month['2025-03']).toMatchObject({ casesAccepted: 1, casesConcluded: 1, successRate: 0 });

    const category = await breakdown('category');
    expect(category.intellectual_property).toMatchObject({
      casesAccepted: 1,
      casesSucceeded: 1,
      amountAgreedCny: 50_000,
      amountRecoveredCny: 50_000,
      medianDaysToConclusion: 10,
    });
    const source = await breakdown('source');
    expect(source.court_referral).toMatchObject({ casesAccepted: 1, casesConcluded: 0 });

    const country = await breakdown('country');
    expect(country.RU).toMatchObject({
      casesAccepted: 0,
      casesSucceeded: 1,
      amountRecoveredCny: 28_400,
    });
    expect(country.CN).toMatchObject({ casesAccepted: 4, casesConcluded: 3 });

    const language = await breakdown('language');
    expect(language.ar).toMatchObject({ casesSucceeded: 1, amountAgreedCny: 50_000 });
    expect(language.en).toMatchObject({ casesSucceeded: 1, amountAgreedCny: 71_000 });

    // ru and en are different families; a case counts once per family, never twice.
    const family = await breakdown('family');
    expect(family[familyOf('ar')!]).toMatchObject({ casesSucceeded: 1 });
    expect(family[familyOf('zh')!]).toMatchObject({ casesConcluded: 3 });

    const mediator = await breakdown('mediator');
    expect(mediator[mediatorId]).toMatchObject({
      casesSucceeded: 1,
      casesAccepted: 0,
      label: 'Statistics Mediator',
    });
  });

  it('rejects an unknown grouping', async () => {
    const res = await get('/api/v1/stats/breakdown?by=colour', director);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('by');
  });
});

describe('official report', () => {
  it('downloads an Excel workbook with zh and en sheets whose figures match the API', async () => {
    const res = await get('/api/v1/reports/official.xlsx?from=2025-01-01&to=2025-12-31', director);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const zh = wb.getWorksheet('统计表')!;
    const en = wb.getWorksheet('Statistics')!;
    expect(zh).toBeDefined();
    expect(en).toBeDefined();
    const rowNamed = (ws: ExcelJS.Worksheet, name: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) => {
        if (r.getCell(1).value === name) found = r;
      });
      return found!;
    };
    const summary = (
      await get('/api/v1/stats/summary?from=2025-01-01&to=2025-12-31', director)
    ).json();
    const total = rowNamed(zh, '合计');
    expect(total.getCell(2).value).toBe(summary.casesAccepted);
    expect(total.getCell(3).value).toBe(summary.casesSucceeded);
    expect(total.getCell(4).value).toBeCloseTo(summary.successRate, 10);
    expect(total.getCell(5).value).toBe(summary.amountAgreedCny);
    expect(total.getCell(4).numFmt).toBe('0.0%');
    const contract = rowNamed(zh, '合同');
    expect(contract.getCell(2).value).toBe(3);
    expect(rowNamed(en, 'Production and operation').getCell(5).value).toBe(50_000);
    expect(rowNamed(zh, '婚姻家庭').getCell(2).value).toBe(0);
  });

  it('downloads CSV in UTF-8 with a byte-order mark', async () => {
    const res = await get('/api/v1/reports/official.csv?from=2025-01-01&to=2025-12-31', director);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('纠纷类别');
    expect(lines.find((l) => l.startsWith('合计'))).toBe('合计,4,2,0.6667,121000,3,0,1,0,0');
  });

  it("is 404 for another organisation's report", async () => {
    expect(
      (await get(`/api/v1/reports/official.csv?orgId=${orgId}`, otherDirector)).statusCode,
    ).toBe(404);
  });
});

describe('public summary', () => {
  it('withholds groups smaller than 5 cases and needs no account', async () => {
    const slug = (
      await t.database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).slug;
    const res = await t.app.inject({ url: `/api/v1/public/summary?orgSlug=${slug}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.allTime).toMatchObject({
      casesAccepted: 5,
      casesConcluded: null,
      successRate: null,
      amountAgreedCny: null,
      suppressed: true,
    });
    expect(body.currentYear).toMatchObject({ year: 2026, casesAccepted: null, suppressed: true });
    expect(JSON.stringify(body)).not.toContain('STATS-');
  });

  it('can be switched off per organisation', async () => {
    await t.database.db
      .updateTable('organizations')
      .set({ settings_json: JSON.stringify({ publicFigures: false }) })
      .where('id', '=', otherOrgId)
      .execute();
    const slug = (
      await t.database.db
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', otherOrgId)
        .executeTakeFirstOrThrow()
    ).slug;
    expect((await t.app.inject({ url: `/api/v1/public/summary?orgSlug=${slug}` })).statusCode).toBe(
      404,
    );
  });
});

describe('roll-ups', () => {
  it('agree with the raw recomputation after edits, reopenings and deletions', async () => {
    const db = t.database.db;
    expect(await findRollupMismatches(db)).toEqual([]);
    const c = await createStatsCase(db, {
      orgId,
      status: 'agreed',
      acceptedAt: '2025-07-01T02:00:00.000Z',
      concludedAt: '2025-07-03T02:00:00.000Z',
      outcome: 'agreed',
      agreedAt: '2025-07-03T02:00:00.000Z',
      agreed: { minor: 100_000, currency: 'EUR', cnyMinor: 780_000 },
    });
    const p = await createStatsPayment(db, {
      orgId,
      caseId: c.id,
      paidOn: '2025-07-05',
      minor: 50_000,
      currency: 'EUR',
      cnyMinor: 390_000,
    });
    await db
      .updateTable('cases')
      .set({ category: 'deposit', national_category: 'contract', source: 'police_referral' })
      .where('id', '=', c.id)
      .execute();
    await db
      .updateTable('cases')
      .set({ status: 'in_mediation', outcome: null, concluded_at: null, agreed_at: null })
      .where('id', '=', c.id)
      .execute();
    expect(await findRollupMismatches(db)).toEqual([]);
    await db.updateTable('payments').set({ amount_cny_minor: 1 }).where('id', '=', p.id).execute();
    await db.deleteFrom('payments').where('id', '=', p.id).execute();
    expect(await findRollupMismatches(db)).toEqual([]);
  });

  it('detects a roll-up that drifted from the raw rows', async () => {
    const db = t.database.db;
    await db
      .updateTable('stats_daily')
      .set({ accepted: 99 })
      .where('org_id', '=', otherOrgId)
      .execute();
    const m = await findRollupMismatches(db);
    expect(m.length).toBe(1);
    expect(m[0]!.table).toBe('stats_daily');
    await db
      .updateTable('stats_daily')
      .set({ accepted: 1 })
      .where('org_id', '=', otherOrgId)
      .execute();
    expect(await findRollupMismatches(db)).toEqual([]);
  });
});
