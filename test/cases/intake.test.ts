import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { bearerFor, intakePayload, submitThroughApi } from '../support/case-factories.js';
import { decryptField, keyringFromSecret } from '../../src/domain/encrypt-personal-data.js';
import { hashToken } from '../../src/use-cases/auth/issue-session-token.js';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
});
afterAll(async () => t.close());

const counts = async () => {
  const db = t.database.db;
  const n = async (table: 'cases' | 'case_parties' | 'consents' | 'outbox' | 'audit_events') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    cases: await n('cases'),
    parties: await n('case_parties'),
    consents: await n('consents'),
    outbox: await n('outbox'),
    audit: await n('audit_events'),
  };
};

describe('public intake', () => {
  it('files an application: 201 with the committee reference, parties, consents, encrypted PII and an event', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: intakePayload(),
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.status).toBe('submitted');
    expect(body.version).toBe(1);
    expect(body.reference).toMatch(/^\(2026\) 义外调 No\. \d{4}$/);

    const db = t.database.db;
    const c = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(c.org_id).toBe(orgId);
    expect(c.national_category).toBe('contract');
    expect(Number(c.claimed_amount_minor)).toBe(1_200_000);
    expect(c.claimed_currency).toBe('USD');
    expect(c.has_foreign_party).toBe(1);
    expect(c.search_text).toContain('ahmed');

    const parties = await db
      .selectFrom('case_parties')
      .selectAll()
      .where('case_id', '=', body.id)
      .execute();
    const applicant = parties.find((p) => p.role === 'applicant')!;
    expect(applicant.is_foreign).toBe(1);
    expect(parties.find((p) => p.role === 'respondent')!.is_foreign).toBe(0);
    // Personal numbers are stored encrypted, and shown masked.
    expect(applicant.id_document_enc).not.toContain('A12345678');
    expect(decryptField(keyringFromSecret(t.deps.config.secret), applicant.id_document_enc!)).toBe(
      'A12345678',
    );
    expect(applicant.id_document_masked).toBe('•••••5678');
    expect(decryptField(keyringFromSecret(t.deps.config.secret), applicant.phone_enc!)).toBe(
      '+201012345678',
    );
    expect(applicant.phone_masked).toMatch(/5678$/);

    const languages = await db
      .selectFrom('case_languages')
      .select('language')
      .where('case_id', '=', body.id)
      .execute();
    expect(languages.map((l) => l.language).sort()).toEqual(['ar', 'en', 'zh']);

    const consents = await db
      .selectFrom('consents')
      .selectAll()
      .where('case_id', '=', body.id)
      .execute();
    expect(consents.map((x) => x.kind).sort()).toEqual(['cross_border', 'processing']);
    expect(consents.every((x) => x.party_id === applicant.id && x.text_version.length > 0)).toBe(
      true,
    );

    const outbox = await db.selectFrom('outbox').selectAll().where('org_id', '=', orgId).execute();
    const event = outbox.map((o) => JSON.parse(o.payload_json)).find((p) => p.caseId === body.id);
    expect(event.event).toBe('case.submitted');
    const token = event.params[`inviteToken_${applicant.id}`];
    expect(typeof token).toBe('string');
    const invite = await db
      .selectFrom('party_invites')
      .selectAll()
      .where('party_id', '=', applicant.id)
      .executeTakeFirstOrThrow();
    expect(invite.token_hash).toBe(hashToken(token));

    // The applicant follows the link and sees the case, with personal numbers masked.
    const redeemed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/redeem',
      payload: { token },
    });
    expect(redeemed.statusCode).toBe(200);
    const view = await t.app.inject({
      url: `/api/v1/cases/${body.id}`,
      headers: { authorization: `Bearer ${redeemed.json().token}` },
    });
    expect(view.statusCode).toBe(200);
    const detail = view.json();
    expect(detail.reference).toBe(body.reference);
    expect(JSON.stringify(detail)).not.toContain('A12345678');
    expect(detail.parties.find((p: { role: string }) => p.role === 'applicant').idDocument).toEqual(
      {
        type: 'passport',
        numberMasked: '•••••5678',
      },
    );
    expect(detail.allowedActions).toEqual(['withdraw']);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    [
      'unknown currency',
      { claimedAmount: { amount: '10.00', currency: 'ABC' } },
      'claimedAmount.currency',
    ],
    [
      'too many decimals',
      { claimedAmount: { amount: '10.001', currency: 'USD' } },
      'claimedAmount.amount',
    ],
    ['unknown category', { category: 'bananas' }, 'category'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['no processing consent', { consents: ['cross_border'] }, 'consents'],
    ['no cross-border consent with a foreign party', { consents: ['processing'] }, 'consents'],
    ['a staff-only source from the public', { source: 'own_initiative' }, 'source'],
    ['an unknown committee', { orgSlug: 'nope' }, 'orgSlug'],
  ];
  it.each(bad)(
    'rejects %s with 400 naming the field, writing nothing',
    async (_name, patch, field) => {
      const before = await counts();
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: intakePayload(patch),
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.field).toBe(field);
      expect(await counts()).toEqual(before);
    },
  );

  const badParty: [string, Record<string, unknown>, string][] = [
    ['unknown country', { country: 'QQ' }, 'parties.0.country'],
    ['unknown language', { languages: ['ar', 'xx'] }, 'parties.0.languages.1'],
    ['preferred language not spoken', { preferredLanguage: 'fr' }, 'parties.0.preferredLanguage'],
    ['invalid phone', { phone: '+20 12' }, 'parties.0.phone'],
    ['neither e-mail nor phone', { email: undefined, phone: undefined }, 'parties.0.email'],
  ];
  it.each(badParty)(
    'rejects a party with %s (400, field named, nothing written)',
    async (_n, patch, field) => {
      const p = intakePayload();
      const parties = [{ ...p.parties[0], ...patch }, p.parties[1]];
      const before = await counts();
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { ...p, parties },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.field).toBe(field);
      expect(await counts()).toEqual(before);
    },
  );

  it('needs an applicant and a respondent', async () => {
    const p = intakePayload();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...p, parties: [p.parties[0], { ...p.parties[0], name: 'Other buyer' }] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('parties');
  });

  it('accepts a domestic case without cross-border consent', async () => {
    const p = intakePayload();
    const parties = [
      { ...p.parties[1], role: 'applicant', name: '张三', kind: 'person' },
      p.parties[1],
    ];
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...p, parties, consents: ['processing'] },
    });
    expect(r.statusCode).toBe(201);
  });

  it('numbers concurrent applications uniquely and without gaps', async () => {
    const before = await t.database.db
      .selectFrom('case_reference_counters')
      .select('last_seq')
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    const results = await Promise.all(Array.from({ length: 12 }, () => submitThroughApi(t)));
    const refs = results.map((r) => r.reference);
    expect(new Set(refs).size).toBe(12);
    const seqs = refs.map((r) => Number(/No\. (\d+)$/.exec(r)![1])).sort((a, b) => a - b);
    const start = (before?.last_seq ?? 0) + 1;
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => start + i));
  });

  it('lets an officer enter a walk-in case from another source; the public cannot', async () => {
    const officer = await createUser(t.database.db, { orgId, role: 'officer' });
    const headers = await bearerFor(t, officer);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers,
      payload: intakePayload({ source: 'own_initiative' }),
    });
    expect(r.statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'action'])
      .where('case_id', '=', r.json().id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_user_id: officer.id, action: 'case.submit' });
  });

  it('starts a new sequence each year, in the committee time zone', async () => {
    // 2026-12-31T16:30Z is already 2027-01-01 in Asia/Shanghai.
    t.clock.set('2026-12-31T16:30:00.000Z');
    try {
      const r = await submitThroughApi(t);
      expect(r.reference).toBe('(2027) 义外调 No. 0001');
    } finally {
      t.clock.set('2026-03-02T02:00:00.000Z');
    }
  });
});
