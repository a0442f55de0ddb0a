import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForeignMediators, demoPartTimeMediators } from '../../src/seed/demo-roster.js';
import { seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCase, createOrg, createUser } from '../support/factories.js';
import { bearerFor } from '../support/mediator-factories.js';

let t: TestApp;
let orgId: string;
let director: Record<string, string>;

const party = (languages: string[], country: string) => [
  { role: 'applicant' as const, name: 'Buyer', country, languages },
  {
    role: 'respondent' as const,
    kind: 'organization' as const,
    name: '商行',
    country: 'CN',
    languages: ['zh'],
  },
];

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await seedDemoCommittee(t.database.db)).orgId;
  director = await bearerFor(t, { email: 'director@demo.example', password: 'accord-demo' });
  const db = t.database.db;
  // In the period: Arabic twice, Korean (no family, nobody speaks it), Polish (CLDR puts it straight under sla: a gap).
  await createCase(db, {
    orgId,
    status: 'accepted',
    parties: party(['ar'], 'EG'),
    submittedAt: '2026-02-03T02:00:00.000Z',
  });
  await createCase(db, {
    orgId,
    status: 'submitted',
    parties: party(['ar', 'fr'], 'MA'),
    submittedAt: '2026-02-10T02:00:00.000Z',
  });
  await createCase(db, {
    orgId,
    status: 'accepted',
    parties: party(['ko'], 'KR'),
    submittedAt: '2026-02-11T02:00:00.000Z',
  });
  await createCase(db, {
    orgId,
    status: 'accepted',
    parties: party(['pl'], 'PL'),
    submittedAt: '2026-02-12T02:00:00.000Z',
  });
  // Outside the period.
  await createCase(db, {
    orgId,
    status: 'accepted',
    parties: party(['ja'], 'JP'),
    submittedAt: '2025-06-01T02:00:00.000Z',
  });
});
afterAll(async () => t.close());

describe('language coverage report', () => {
  it('covers the demo roster’s 9 families and names the gaps', async () => {
    const res = await t.app.inject({
      url: '/api/v1/reports/language-coverage?from=2026-02-01&to=2026-02-28&lang=en',
      headers: director,
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.rosterFamilies.map((f: { family: string }) => f.family).sort()).toEqual(
      ['bnt', 'gmw', 'inc', 'ira', 'roa', 'sem', 'trk', 'zhx', 'zle'].sort(),
    );
    const byLang = Object.fromEntries(
      r.languages.map((l: { language: string }) => [l.language, l]),
    );
    expect(Object.keys(byLang).sort()).toEqual(['ar', 'fr', 'ko', 'pl', 'zh']);
    expect(byLang.ar).toMatchObject({
      cases: 2,
      family: 'sem',
      familyName: 'Semitic languages',
      coverage: 'exact',
    });
    const arabicSpeakers = [...demoForeignMediators, ...demoPartTimeMediators()].filter((m) =>
      m.languages.some((l) => l.code === 'ar'),
    ).length;
    expect(arabicSpeakers).toBeGreaterThanOrEqual(6);
    expect(byLang.ar.mediators).toBe(arabicSpeakers);
    expect(byLang.zh.cases).toBe(4);
    expect(byLang.ko).toMatchObject({
      family: null,
      mediators: 0,
      coverage: 'none',
      name: 'Korean',
    });
    expect(byLang.pl).toMatchObject({
      family: 'sla',
      familyName: 'Slavic languages',
      mediators: 0,
      coverage: 'none',
    });
    expect(r.gaps).toEqual({ languages: ['ko', 'pl'], families: ['sla'] });
    const zh = await t.app.inject({
      url: '/api/v1/reports/language-coverage?from=2026-02-01&to=2026-02-28&lang=zh-CN',
      headers: director,
    });
    expect(zh.json().families.find((f: { family: string }) => f.family === 'sem').name).toBe(
      '闪米特语族',
    );
  });

  it('is for the org’s director and officers only', async () => {
    const other = await bearerFor(
      t,
      await createUser(t.database.db, {
        orgId: (await createOrg(t.database.db)).id,
        role: 'director',
      }),
    );
    const res = await t.app.inject({
      url: `/api/v1/reports/language-coverage?from=2026-02-01&to=2026-02-28&orgId=${orgId}`,
      headers: other,
    });
    expect(res.statusCode).toBe(404);
    const bad = await t.app.inject({
      url: '/api/v1/reports/language-coverage?from=2026-02-31&to=2026-02-28',
      headers: director,
    });
    expect(bad.statusCode).toBe(400);
  });
});
