import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import {
  createCase,
  createCourt,
  createCourtFiling,
  createMediator,
  createOrg,
  createUser,
} from '../support/factories.js';
import { requireActorForUser } from '../../src/use-cases/auth/resolve-actor.js';
import { requireVisibleCase } from '../../src/use-cases/cases/require-visible-case.js';
import { AppError } from '../../src/domain/app-error.js';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase();
});
afterAll(async () => d.drop());

/** Each role sees exactly the cases DESIGN §1 and the foundation issue give it; others get NOT_FOUND. */
describe(`case visibility policy on ${testEngine}`, () => {
  it('applies the rule for every role', async () => {
    const org = await createOrg(d.db);
    const otherOrg = await createOrg(d.db);
    const court = await createCourt(d.db, org.id);
    const otherCourt = await createCourt(d.db, org.id);

    const director = await createUser(d.db, { orgId: org.id, role: 'director' });
    const officer = await createUser(d.db, { orgId: org.id, role: 'officer' });
    const foreignOfficer = await createUser(d.db, { orgId: otherOrg.id, role: 'officer' });
    const mediatorOn = await createUser(d.db, { orgId: org.id, role: 'mediator' });
    const mediatorOff = await createUser(d.db, { orgId: org.id, role: 'mediator' });
    const liaison = await createUser(d.db, {
      orgId: org.id,
      role: 'court_liaison',
      courtId: court.id,
    });
    const otherLiaison = await createUser(d.db, {
      orgId: org.id,
      role: 'court_liaison',
      courtId: otherCourt.id,
    });
    const partyA = await createUser(d.db);
    const partyB = await createUser(d.db);

    const mOn = await createMediator(d.db, { orgId: org.id, userId: mediatorOn.id });
    await createMediator(d.db, { orgId: org.id, userId: mediatorOff.id });

    const theCase = await createCase(d.db, {
      orgId: org.id,
      status: 'accepted',
      parties: [
        { role: 'applicant', country: 'EG', languages: ['ar'], userId: partyA.id },
        { role: 'respondent', country: 'CN', languages: ['zh'] },
      ],
      teamMediatorIds: [mOn.id],
    });
    await createCase(d.db, {
      orgId: org.id,
      parties: [{ role: 'applicant', userId: partyB.id }, { role: 'respondent' }],
    });
    await createCourtFiling(d.db, { orgId: org.id, caseId: theCase.id, courtId: court.id });

    const expectations: [string, string, string[] | null][] = [
      ['director', director.id, ['director']],
      ['officer', officer.id, ['officer']],
      ['officer of another org', foreignOfficer.id, null],
      ['mediator on the case', mediatorOn.id, ['mediator']],
      ['mediator not on the case', mediatorOff.id, null],
      ['liaison of the filing court', liaison.id, ['court_liaison']],
      ['liaison of another court', otherLiaison.id, null],
      ['the party', partyA.id, ['party']],
      ['a party of another case', partyB.id, null],
    ];
    for (const [label, userId, relations] of expectations) {
      const actor = await requireActorForUser(d.db, userId);
      const attempt = requireVisibleCase(d.db, actor, theCase.id);
      if (relations) {
        await expect(attempt, label).resolves.toMatchObject({ relations });
      } else {
        await expect(attempt, label).rejects.toSatisfy(
          (e) => e instanceof AppError && e.code === 'NOT_FOUND',
        );
      }
    }
  });

  it('answers NOT_FOUND for malformed and unknown ids alike', async () => {
    const org = await createOrg(d.db);
    const director = await requireActorForUser(
      d.db,
      (await createUser(d.db, { orgId: org.id, role: 'director' })).id,
    );
    for (const id of ['../../etc/passwd', '00000000-0000-4000-8000-000000000000']) {
      await expect(requireVisibleCase(d.db, director, id)).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'NOT_FOUND',
      );
    }
  });
});
