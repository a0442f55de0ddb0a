import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseDetail } from '../../src/http/routes/case-routes.js';
import { demoIds, seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { seedDemoHistory } from '../../src/seed/seed-demo-history.js';
import { requireActorForUser } from '../../src/use-cases/auth/resolve-actor.js';
import { getCase } from '../../src/use-cases/cases/get-case.js';
import { AppError } from '../../src/domain/app-error.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';

/**
 * The case page's response schema strips what it does not declare, so a field getCase starts
 * returning would silently never reach the web. Every page of the demo history, for every kind of
 * viewer, must go through the schema with every key declared (objects made strict at every level).
 */
function deepStrict(schema: z.ZodType): z.ZodType {
  const s = schema as z.ZodTypeAny;
  if (s instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(s.shape as Record<string, z.ZodType>).map(([k, v]) => [k, deepStrict(v)]),
    );
    return z.strictObject(shape);
  }
  if (s instanceof z.ZodArray) return z.array(deepStrict(s.element as z.ZodType));
  if (s instanceof z.ZodNullable) return deepStrict(s.unwrap() as z.ZodType).nullable();
  if (s instanceof z.ZodOptional) return deepStrict(s.unwrap() as z.ZodType).optional();
  return schema;
}

const strictDetail = deepStrict(caseDetail);
const viewers = ['officer', 'director', 'mediator', 'lawyer', 'court', 'party'];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-11-28T06:00:00.000Z' });
  await seedDemoCommittee(t.database.db);
  await seedDemoHistory(t.database.db, { now: t.clock.now() });
}, 180_000);
afterAll(async () => t.close());

describe('case page response schema', () => {
  it('declares every field getCase returns, for every viewer of every demo case', async () => {
    const ids = (await t.database.db.selectFrom('cases').select('id').execute()).map((r) => r.id);
    let sample: Awaited<ReturnType<typeof getCase>> | undefined;
    const seen = { pages: 0, agreement: 0, filings: 0, followUps: 0, payments: 0, summary: 0 };
    const problems: string[] = [];
    for (const email of viewers) {
      const actor = await requireActorForUser(t.database.db, demoIds.user(`${email}@demo.example`));
      for (const caseId of ids) {
        let page: Awaited<ReturnType<typeof getCase>>;
        try {
          page = await getCase(t.deps, { actor, caseId });
        } catch (e) {
          if (e instanceof AppError && e.code === 'NOT_FOUND') continue;
          throw e;
        }
        const r = strictDetail.safeParse(page);
        if (!r.success && problems.length < 5)
          problems.push(`${email} ${caseId}: ${r.error.message}`);
        seen.pages++;
        if (!sample && page.followUps.length) sample = page;
        if (page.agreement) seen.agreement++;
        if (page.courtFilings.length) seen.filings++;
        if (page.followUps.length) seen.followUps++;
        if (page.payments.length) seen.payments++;
        if (page.timeline.some((e) => 'summary' in e)) seen.summary++;
      }
    }
    expect(problems).toEqual([]);
    // The history must reach the nested lists, or the check above proves nothing about them.
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
    // And the check does catch an undeclared field deep in the page.
    const followUps = sample!.followUps.map((f) => ({ ...f, undeclared: 1 }));
    expect(strictDetail.safeParse({ ...sample, followUps }).success).toBe(false);
  }, 300_000);
});
