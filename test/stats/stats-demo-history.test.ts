import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { DEMO_PASSWORD, demoIds, seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { seedDemoHistory } from '../../src/seed/seed-demo-history.js';
import { findRollupMismatches } from '../../src/db/repositories/stats-raw-repository.js';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import { agreementContent } from '../../src/domain/agreement-content.js';
import { sessionParticipantsSchema, sessionRecordSchema } from '../../src/domain/session-record.js';

let t: TestApp;
let token: string;
let seeded: { created: boolean; cases: number };

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-11-28T06:00:00.000Z' });
  await seedDemoCommittee(t.database.db);
  seeded = await seedDemoHistory(t.database.db, { now: t.clock.now() });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'director@demo.example', password: DEMO_PASSWORD },
  });
  token = res.json().token;
}, 120_000);
afterAll(async () => t.close());

const summary = async (q: string) => {
  const res = await t.app.inject({
    url: `/api/v1/stats/summary?${q}`,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('demo history', () => {
  it('reproduces the published figures through 2025 (DESIGN §6)', async () => {
    const s = await summary('from=2013-01-01&to=2025-12-31');
    expect(s.casesAccepted).toBe(1567);
    expect(Math.round(s.successRate * 1000) / 1000).toBe(0.963);
    expect(Math.abs(s.amountRecoveredCny - 192_000_000) / 192_000_000).toBeLessThan(0.005);
    expect(Math.round(s.amountRecoveredCny / 1_000_000)).toBe(192);
  });

  it('reproduces the published figures for 2025', async () => {
    const s = await summary('from=2025-01-01&to=2025-12-31');
    expect(s.casesSucceeded).toBe(130);
    expect(Math.abs(s.amountAgreedCny - 20_960_000) / 20_960_000).toBeLessThan(0.0005);
  });

  it('is seeded once, with consistent roll-ups and an intact audit chain', async () => {
    expect(seeded.created).toBe(true);
    expect(await seedDemoHistory(t.database.db, { now: t.clock.now() })).toEqual({
      created: false,
      cases: 0,
    });
    expect(await findRollupMismatches(t.database.db)).toEqual([]);
    expect(await findAuditChainBreak(t.database.db)).toBeUndefined();
  });

  it('has what the walkthrough needs', async () => {
    const db = t.database.db;
    const live = ['submitted', 'accepted', 'in_mediation', 'agreed', 'performing', 'breached'];
    const preferred = await db
      .selectFrom('case_parties')
      .innerJoin('cases', 'cases.id', 'case_parties.case_id')
      .select('case_parties.preferred_language')
      .distinct()
      .where('cases.status', 'in', live)
      .execute();
    const langs = new Set(preferred.map((p) => p.preferred_language));
    for (const l of ['zh', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr']) expect(langs, l).toContain(l);

    const fresh = await db
      .selectFrom('cases')
      .innerJoin('case_parties', 'case_parties.case_id', 'cases.id')
      .select('cases.id')
      .where('cases.status', '=', 'submitted')
      .where('case_parties.role', '=', 'applicant')
      .where('case_parties.preferred_language', '=', 'ar')
      .execute();
    expect(fresh.length).toBeGreaterThan(0);

    const partyCases = await db
      .selectFrom('case_parties')
      .innerJoin('cases', 'cases.id', 'case_parties.case_id')
      .select(['cases.id', 'cases.status'])
      .where('case_parties.user_id', '=', demoIds.user('party@demo.example'))
      .execute();
    expect(partyCases.some((c) => live.includes(c.status))).toBe(true);

    const onItsWay = await db
      .selectFrom('court_filings')
      .innerJoin('agreements', 'agreements.id', 'court_filings.agreement_id')
      .select(['court_filings.case_id', 'agreements.status'])
      .where('court_filings.kind', '=', 'confirmation')
      .where('court_filings.status', '=', 'filed')
      .where('court_filings.court_id', '=', demoIds.yiwuCourt)
      .where('court_filings.result', 'is', null)
      .execute();
    expect(onItsWay.length).toBeGreaterThan(0);
    expect(onItsWay[0]!.status).toBe('in_effect');

    const teamCount = async (mediatorId: string) =>
      (
        await db
          .selectFrom('case_team_members')
          .select('case_id')
          .where('mediator_id', '=', mediatorId)
          .execute()
      ).length;
    expect(await teamCount(demoIds.mediatorProfile('f01'))).toBeGreaterThan(3);
    expect(await teamCount(demoIds.mediatorProfile('lawyer-01'))).toBeGreaterThan(3);

    const agreements = await db.selectFrom('agreements').select('content_json').execute();
    expect(agreements.length).toBeGreaterThan(1000);
    for (const a of agreements) agreementContent.parse(JSON.parse(a.content_json));

    const currencies = await db.selectFrom('cases').select('agreed_currency').distinct().execute();
    for (const c of ['USD', 'EUR', 'AED', 'RUB', 'CNY']) {
      expect(currencies.map((x) => x.agreed_currency)).toContain(c);
    }
    const rates = await db.selectFrom('fx_rates').select('source').distinct().execute();
    expect(rates.map((r) => r.source)).toContain('demo');
  });

  it('stores held sessions exactly as the session use cases do, confirmed by everyone at the table', async () => {
    const db = t.database.db;
    const held = await db
      .selectFrom('mediation_sessions')
      .select(['id', 'case_id', 'participants_json', 'record_json'])
      .where('status', '=', 'held')
      .execute();
    expect(held.length).toBeGreaterThan(1000);
    const people = await db.selectFrom('case_parties').select(['id', 'case_id']).execute();
    const team = await db
      .selectFrom('case_team_members')
      .select(['mediator_id as id', 'case_id'])
      .execute();
    const onCase = new Set([...people, ...team].map((x) => `${x.case_id}:${x.id}`));
    for (const s of held) {
      // The schema record-session writes through; the readers parse with it and nothing else.
      expect(sessionParticipantsSchema.safeParse(JSON.parse(s.participants_json)).success).toBe(
        true,
      );
      const record = sessionRecordSchema.parse(JSON.parse(s.record_json!));
      expect(record.attendees.length).toBeGreaterThan(0);
      for (const a of record.attendees) expect(onCase.has(`${s.case_id}:${a.id}`)).toBe(true);
    }

    const sample = held[0]!;
    const res = await t.app.inject({
      url: `/api/v1/cases/${sample.case_id}/sessions`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const listed = (
      res.json() as {
        items: {
          id: string;
          participants: unknown[];
          record: { language: string; text: string; attendees: unknown[]; fullyConfirmed: boolean };
        }[];
      }
    ).items.find((x) => x.id === sample.id)!;
    expect(listed.participants.length).toBeGreaterThan(0);
    expect(listed.record).toMatchObject({ language: 'zh', fullyConfirmed: true });
    expect(listed.record.text.length).toBeGreaterThan(0);
    expect(listed.record.attendees).toEqual(listed.participants);
  });
});
