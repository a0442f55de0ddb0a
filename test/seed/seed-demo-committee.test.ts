import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { seedDemoCommittee, DEMO_PASSWORD } from '../../src/seed/seed-demo-committee.js';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import { familyOf } from '../../src/domain/language-families.js';
import { signIn } from '../../src/use-cases/auth/sign-in.js';
import { systemClock } from '../../src/domain/clock.js';
import { testConfig } from '../support/build-test-app.js';

let a: TestDatabase;
let b: TestDatabase;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await a.drop();
  await b.drop();
});

describe(`demo committee seed on ${testEngine}`, () => {
  it('creates the roster the brief describes', async () => {
    expect((await seedDemoCommittee(a.db)).created).toBe(true);
    const roster = await a.db.selectFrom('mediator_profiles').selectAll().execute();
    const foreign = roster.filter((m) => m.kind === 'foreign');
    expect(foreign).toHaveLength(20);
    expect(roster.length - foreign.length).toBe(51);
    expect(new Set(foreign.map((m) => m.nationality)).size).toBe(15);
    const families = new Set(
      foreign.flatMap((m) =>
        (JSON.parse(m.languages_json) as { code: string }[]).map((l) => familyOf(l.code)),
      ),
    );
    expect([...families].sort()).toEqual([
      'bnt',
      'gmw',
      'inc',
      'ira',
      'roa',
      'sem',
      'trk',
      'zhx',
      'zle',
    ]);
    for (const m of foreign) expect(JSON.parse(m.languages_json).length).toBeGreaterThanOrEqual(3);
    const courts = await a.db.selectFrom('courts').select('name_en').orderBy('name_en').execute();
    expect(courts.map((c) => c.name_en)).toEqual(['Ningbo Maritime Court', "Yiwu People's Court"]);
  });

  it('is idempotent and deterministic', async () => {
    expect((await seedDemoCommittee(a.db)).created).toBe(false);
    await seedDemoCommittee(b.db);
    const ids = async (d: TestDatabase) =>
      await d.db
        .selectFrom('mediator_profiles')
        .select(['id', 'display_name'])
        .orderBy('id')
        .execute();
    expect(await ids(b)).toEqual(await ids(a));
    expect((await a.db.selectFrom('organizations').select('id').execute()).length).toBe(1);
  });

  it('lets every demo account sign in, and the audit chain verifies', async () => {
    const ctx = { db: a.db, clock: systemClock, config: testConfig(a.dataDir) };
    for (const email of ['director', 'officer', 'mediator', 'lawyer', 'court', 'party'].map(
      (r) => `${r}@demo.example`,
    )) {
      const r = await signIn(ctx, { email, password: DEMO_PASSWORD, ip: null, userAgent: null });
      expect(r.actor.email).toBe(email);
    }
    const mediator = await signIn(ctx, {
      email: 'mediator@demo.example',
      password: DEMO_PASSWORD,
      ip: null,
      userAgent: null,
    });
    const profile = await a.db
      .selectFrom('mediator_profiles')
      .selectAll()
      .where('id', '=', mediator.actor.mediatorIds[0]!)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(profile.languages_json)).toContainEqual({
      code: 'ar',
      proficiency: 'native',
    });
    expect(await findAuditChainBreak(a.db)).toBeUndefined();
  });
});
