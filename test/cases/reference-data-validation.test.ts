import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCommittee, createTeamCase, type Committee } from '../support/agreement-factories.js';
import { intakePayload, orgSlugOf } from '../support/case-factories.js';

/**
 * Issue #3: unknown currencies, countries and languages are rejected with 400 naming the field,
 * on every mutating endpoint that takes one, and nothing is written.
 */
let t: TestApp;
let k: Committee;
let orgSlug: string;
beforeAll(async () => {
  t = await buildTestApp();
  k = await createCommittee(t.database.db);
  orgSlug = await orgSlugOf(t, k.orgId);
});
afterAll(async () => t.close());

const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const applicant = intakePayload().parties[0]!;
const respondent = intakePayload().parties[1]!;

describe('reference data on mutating endpoints', () => {
  it('answers 400 naming the field and writes nothing', async () => {
    const c = await createTeamCase(t.database.db, k);
    const probes: [string, string, Record<string, string>, unknown, string][] = [
      [
        'POST',
        '/api/v1/cases',
        {},
        intakePayload({ orgSlug, claimedAmount: { amount: '10.00', currency: 'ZZZ' } }),
        'claimedAmount.currency',
      ],
      [
        'POST',
        '/api/v1/cases',
        {},
        intakePayload({ orgSlug, parties: [{ ...applicant, country: 'XX' }, respondent] }),
        'parties.0.country',
      ],
      [
        'POST',
        '/api/v1/cases',
        {},
        intakePayload({
          orgSlug,
          parties: [applicant, { ...respondent, languages: ['zh', 'qq'] }],
        }),
        'parties.1.languages.1',
      ],
      [
        'POST',
        `/api/v1/cases/${c.id}/messages`,
        k.as.mediator,
        { language: 'qq', body: 'Hello' },
        'language',
      ],
      [
        'POST',
        `/api/v1/orgs/${k.orgId}/mediators`,
        k.as.officer,
        {
          displayName: 'Test Mediator',
          kind: 'foreign',
          nationality: 'XX',
          languages: [{ code: 'ar', proficiency: 'native' }],
        },
        'nationality',
      ],
      [
        'POST',
        `/api/v1/orgs/${k.orgId}/mediators`,
        k.as.officer,
        {
          displayName: 'Test Mediator',
          kind: 'foreign',
          nationality: 'EG',
          languages: [{ code: 'qq', proficiency: 'native' }],
        },
        'languages.0.code',
      ],
    ];
    const problems: string[] = [];
    for (const [method, url, headers, payload, field] of probes) {
      const before = await auditCount();
      const r = await t.app.inject({
        method: method as 'POST',
        url,
        headers,
        payload: payload as Record<string, unknown>,
      });
      const err = r.json().error;
      if (r.statusCode !== 400 || err?.code !== 'VALIDATION_FAILED' || err?.field !== field) {
        problems.push(`${url} ${field}: got ${r.statusCode} ${r.body}`);
      }
      if ((await auditCount()) !== before) problems.push(`${url} ${field}: wrote an audit row`);
    }
    expect(problems).toEqual([]);
  });
});
