import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVisibleCases } from '../../src/db/repositories/case-repository.js';
import { insertMembership } from '../../src/db/repositories/user-repository.js';
import { requireActorForUser } from '../../src/use-cases/auth/resolve-actor.js';
import type { Actor } from '../../src/domain/authorize-case-access.js';
import {
  createCase,
  createCourt,
  createCourtFiling,
  createMediator,
  createOrg,
  createUser,
} from '../support/factories.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';

// The list is the union of one ordered, limited query per visibility rule; these cases make
// every rule contribute, one case visible by two rules, and submission times that tie, so that
// paging must merge the branches, drop the repeat and order ties by id.
let database: TestDatabase;
let actor: Actor;
const visible: { id: string; submittedAt: string; status: string }[] = [];

const day = (d: number, hour = 0) =>
  `2026-02-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [staffA, staffB, teamOrg, courtOrg, other] = [
    await createOrg(db),
    await createOrg(db),
    await createOrg(db),
    await createOrg(db),
    await createOrg(db),
  ];
  const user = await createUser(db, { orgId: staffA.id, role: 'officer' });
  await createUser(db, { orgId: other.id, role: 'officer' });
  const court = await createCourt(db, courtOrg.id);
  for (const m of [
    { orgId: staffB.id, role: 'director' as const, courtId: null },
    { orgId: courtOrg.id, role: 'court_liaison' as const, courtId: court.id },
  ]) {
    await insertMembership(db, {
      id: `m-${m.orgId}`,
      userId: user.id,
      at: day(1),
      ...m,
    });
  }
  const mediator = await createMediator(db, { orgId: teamOrg.id, userId: user.id });
  const add = async (
    orgId: string,
    submittedAt: string,
    o: { team?: boolean; party?: boolean; status?: 'submitted' | 'accepted' } = {},
  ) => {
    const c = await createCase(db, {
      orgId,
      submittedAt,
      status: o.status,
      teamMediatorIds: o.team ? [mediator.id] : undefined,
      parties: [
        {
          role: 'applicant',
          kind: 'person',
          name: 'A',
          country: 'EG',
          userId: o.party ? user.id : null,
        },
        { role: 'respondent', kind: 'organization', name: 'B', country: 'CN' },
      ],
    });
    return { id: c.id, submittedAt, status: o.status ?? 'submitted' };
  };
  for (let d = 1; d <= 6; d++) {
    visible.push(await add(staffA.id, day(d), { status: d % 2 ? 'accepted' : undefined }));
    visible.push(await add(staffB.id, day(d, 1), { status: d % 3 ? undefined : 'accepted' }));
    // Ties: the same instant in two committees.
    visible.push(await add(staffB.id, day(d)));
  }
  // Visible as staff and as a party: it must come once.
  visible.push(await add(staffA.id, day(7), { party: true }));
  visible.push(await add(teamOrg.id, day(3, 2), { team: true, status: 'accepted' }));
  visible.push(await add(teamOrg.id, day(5, 2), { team: true, party: true }));
  visible.push(await add(teamOrg.id, day(8), { party: true }));
  await add(teamOrg.id, day(4));
  const filed = await add(courtOrg.id, day(2, 3));
  await createCourtFiling(db, { orgId: courtOrg.id, caseId: filed.id, courtId: court.id });
  visible.push(filed);
  await add(courtOrg.id, day(6, 3));
  await add(other.id, day(9));
  // Both engines compare these ASCII texts byte by byte (PostgreSQL here runs C.UTF-8).
  const key = (c: { id: string; submittedAt: string }) => `${c.submittedAt} ${c.id}`;
  visible.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
  actor = await requireActorForUser(db, user.id);
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

async function pageThrough(status?: 'submitted' | 'accepted') {
  const seen: string[] = [];
  let after: { submittedAt: string; id: string } | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const rows = await listVisibleCases(database.db, actor, { status, after, limit: 4 });
    seen.push(...rows.map((r) => r.id));
    if (rows.length < 4) break;
    const last = rows[rows.length - 1]!;
    after = { submittedAt: last.submitted_at, id: last.id };
  }
  return seen;
}

describe(`listVisibleCases merges its visibility rules (${testEngine})`, () => {
  it('pages through every visible case once, newest first, ties by id', async () => {
    expect(visible.length).toBe(23);
    expect(await pageThrough()).toEqual(visible.map((c) => c.id));
  });

  it('applies the filters in every rule', async () => {
    expect(await pageThrough('accepted')).toEqual(
      visible.filter((c) => c.status === 'accepted').map((c) => c.id),
    );
  });
});
