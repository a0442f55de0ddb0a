import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createOrg } from '../support/factories.js';
import { createStatsCase, createStatsPayment } from '../support/stats-factories.js';
import { applyCaseTransition } from '../../src/use-cases/cases/apply-case-transition.js';
import { isActionAllowed, type CaseAction } from '../../src/domain/case-transitions.js';
import type { CaseStatus } from '../../src/domain/case-status.js';
import { seededRandom, pick } from '../../src/seed/seeded-random.js';
import { findRollupMismatches } from '../../src/db/repositories/stats-raw-repository.js';
import { computeRawFigures } from '../../src/db/repositories/stats-raw-repository.js';
import { readRollupFigures } from '../../src/db/repositories/stats-rollup-repository.js';
import { computeStatsSummary } from '../../src/use-cases/stats/compute-stats-summary.js';

let d: TestDatabase;
const orgIds: string[] = [];
beforeAll(async () => {
  d = await createTestDatabase();
  for (let i = 0; i < 3; i++) orgIds.push((await createOrg(d.db)).id);
});
afterAll(async () => d.drop());

const DAY = 86_400_000;

/** What each lifecycle action writes to the columns the statistics read. */
function patchFor(action: CaseAction, at: string, rand: () => number) {
  switch (action) {
    case 'accept':
    case 'overturn_rejection':
      return {
        accepted_at: at,
        mediation_due_at: new Date(Date.parse(at) + 30 * DAY).toISOString(),
        outcome: null,
        concluded_at: null,
      };
    case 'reject':
      return { outcome: 'rejected', concluded_at: at };
    case 'extend_deadline':
      return { mediation_due_at: new Date(Date.parse(at) + 60 * DAY).toISOString() };
    case 'conclude_agreed': {
      const minor = 1000 + Math.floor(rand() * 5_000_000);
      return {
        outcome: 'agreed',
        concluded_at: at,
        agreed_at: at,
        agreed_amount_minor: minor,
        agreed_currency: 'USD',
        agreed_amount_cny_minor: Math.round(minor * 7.1),
      };
    }
    case 'conclude_failed':
      return { outcome: 'failed', concluded_at: at };
    case 'withdraw':
      return { outcome: 'withdrawn', concluded_at: at };
    case 'reopen_mediation':
      return {
        outcome: null,
        concluded_at: null,
        agreed_at: null,
        agreed_amount_minor: null,
        agreed_currency: null,
        agreed_amount_cny_minor: null,
      };
    default:
      return {};
  }
}

describe('roll-ups under a random sequence of lifecycle actions', () => {
  it('always equal the raw recomputation', async () => {
    const rand = seededRandom(7);
    const db = d.db;
    const cases: { id: string; orgId: string; status: CaseStatus; version: number }[] = [];
    let clock = Date.UTC(2024, 10, 20, 3);
    const actions: CaseAction[] = [
      'accept',
      'reject',
      'overturn_rejection',
      'extend_deadline',
      'record_session',
      'conclude_agreed',
      'conclude_failed',
      'withdraw',
      'start_performance',
      'record_payment',
      'fulfil',
      'breach',
      'reopen_mediation',
      'refer_litigation',
    ];
    for (let step = 0; step < 160; step++) {
      clock += Math.floor(rand() * 5 * DAY);
      const at = new Date(clock).toISOString();
      if (cases.length < 4 || rand() < 0.15) {
        const orgId = pick(rand, orgIds);
        const c = await createStatsCase(db, {
          orgId,
          status: 'submitted',
          submittedAt: at,
          category: pick(rand, ['goods_quality', 'payment', 'intellectual_property'] as const),
          source: pick(rand, ['application', 'court_referral'] as const),
        });
        cases.push({ id: c.id, orgId, status: 'submitted', version: 1 });
        continue;
      }
      const c = pick(rand, cases);
      const allowed = actions.filter((a) => isActionAllowed(c.status, a));
      if (allowed.length === 0) continue;
      const action = pick(rand, allowed);
      await db.transaction().execute(async (trx) => {
        const r = await applyCaseTransition(trx, {
          caseId: c.id,
          action,
          expectedVersion: c.version,
          actor: null,
          at,
          patch: patchFor(action, at, rand),
        });
        c.status = r.status;
        c.version = r.version;
        if (action === 'record_payment') {
          await createStatsPayment(trx, {
            orgId: c.orgId,
            caseId: c.id,
            paidOn: at.slice(0, 10),
            minor: 5_000,
            currency: 'USD',
            cnyMinor: 35_500,
          });
        }
      });
      if (step % 40 === 39) expect(await findRollupMismatches(db)).toEqual([]);
    }
    expect(await findRollupMismatches(db)).toEqual([]);

    // The figures the API serves from roll-ups equal the raw recomputation, org by org and
    // for the whole country, in total and by month, over ranges with partial months.
    for (const period of [
      { from: '2024-11-01', to: '2026-12-31' },
      { from: '2024-12-15', to: '2025-03-10' },
    ]) {
      for (const scope of [...orgIds.map((id) => ({ orgIds: [id] })), { all: true as const }]) {
        for (const by of [undefined, 'month', 'category', 'source'] as const) {
          const rolled = await readRollupFigures(db, { scope, period, by });
          const raw = await computeRawFigures(db, { scope, period, by });
          // Groups with nothing in them may exist on one side only (a roll-up row whose
          // contributions cancelled out); every group with figures must match.
          const strip = (m: typeof raw) =>
            Object.fromEntries(
              [...m.entries()]
                .filter(
                  ([, f]) => f.accepted || f.concluded || f.agreedCnyMinor || f.recoveredCnyMinor,
                )
                .map(([k, f]) => [
                  k,
                  {
                    ...f,
                    durations: by === undefined || by === 'month' ? [...f.durations].sort() : [],
                  },
                ]),
            );
          expect(strip(rolled), `${JSON.stringify(scope)} ${by}`).toEqual(strip(raw));
        }
      }
    }
    const now = new Date(clock).toISOString();
    const s = await computeStatsSummary(db, {
      scope: { all: true },
      period: { from: '2024-01-01', to: '2026-12-31' },
      nowIso: now,
    });
    const rawOverdue = await db
      .selectFrom('cases')
      .select('id')
      .where('status', 'in', ['accepted', 'in_mediation'])
      .where('mediation_due_at', '<', now)
      .execute();
    expect(s.overdueCases).toBe(rawOverdue.length);
    expect(s.casesAccepted).toBeGreaterThan(10);
  });
});
