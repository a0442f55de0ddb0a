import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { newId } from '../../src/domain/new-id.js';
import type { CaseStatus } from '../../src/domain/case-status.js';
import { insertAuthSession } from '../../src/db/repositories/auth-session-repository.js';
import { upsertFxRates } from '../../src/db/repositories/fx-rate-repository.js';
import { hashToken, newSessionToken } from '../../src/use-cases/auth/issue-session-token.js';
import { computeAgreementText } from '../../src/use-cases/agreements/compute-agreement-text-hash.js';
import type { TestApp } from './build-test-app.js';
import { createCase, createCourt, createMediator, createOrg, createUser } from './factories.js';

export type Headers = { authorization: string };

/** A signed-in session straight in the database: no password hashing, no login rate limits. */
export async function sessionFor(db: Kysely<Database>, userId: string): Promise<Headers> {
  const token = newSessionToken();
  await insertAuthSession(db, {
    id: newId(),
    userId,
    tokenHash: hashToken(token),
    at: '2026-01-01T00:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    ip: null,
    userAgent: null,
  });
  return { authorization: `Bearer ${token}` };
}

/** One committee with its seat court, a maritime court, and a signed-in person for every role. */
export async function createCommittee(db: Kysely<Database>) {
  const org = await createOrg(db);
  const seatCourt = await createCourt(db, org.id, { seat: true });
  const maritimeCourt = await createCourt(db, org.id, { kind: 'maritime', seat: false });
  const otherCourt = await createCourt(db, org.id, { seat: false });
  const officer = await createUser(db, { orgId: org.id, role: 'officer', name: 'Officer Wang' });
  const director = await createUser(db, { orgId: org.id, role: 'director' });
  const mediatorUser = await createUser(db, { orgId: org.id, role: 'mediator' });
  const mediator = await createMediator(db, {
    orgId: org.id,
    userId: mediatorUser.id,
    name: 'Omar Mediator',
  });
  const lawyerUser = await createUser(db, { orgId: org.id, role: 'mediator' });
  const lawyer = await createMediator(db, {
    orgId: org.id,
    userId: lawyerUser.id,
    kind: 'lawyer',
    nationality: 'CN',
    name: '李律师',
  });
  const outsiderMediatorUser = await createUser(db, { orgId: org.id, role: 'mediator' });
  await createMediator(db, { orgId: org.id, userId: outsiderMediatorUser.id });
  const seatLiaison = await createUser(db, {
    orgId: org.id,
    role: 'court_liaison',
    courtId: seatCourt.id,
  });
  const maritimeLiaison = await createUser(db, {
    orgId: org.id,
    role: 'court_liaison',
    courtId: maritimeCourt.id,
  });
  const otherOrg = await createOrg(db);
  const strangerOfficer = await createUser(db, { orgId: otherOrg.id, role: 'officer' });
  const h = async (u: { id: string }) => sessionFor(db, u.id);
  return {
    orgId: org.id,
    seatCourtId: seatCourt.id,
    maritimeCourtId: maritimeCourt.id,
    otherCourtId: otherCourt.id,
    mediatorId: mediator.id,
    lawyerId: lawyer.id,
    as: {
      officer: await h(officer),
      director: await h(director),
      mediator: await h(mediatorUser),
      lawyer: await h(lawyerUser),
      outsiderMediator: await h(outsiderMediatorUser),
      seatLiaison: await h(seatLiaison),
      maritimeLiaison: await h(maritimeLiaison),
      strangerOfficer: await h(strangerOfficer),
    },
  };
}
export type Committee = Awaited<ReturnType<typeof createCommittee>>;

/** A case with the team (mediator + lawyer) and two parties who each have an account. */
export async function createTeamCase(
  db: Kysely<Database>,
  k: Committee,
  o: {
    status?: CaseStatus;
    maritime?: boolean;
    referringCourtId?: string;
    /** Reuse these parties' accounts (and sessions) instead of creating new ones. */
    users?: Pick<TeamCase, 'as'> & { applicantUserId: string; respondentUserId: string };
  } = {},
): Promise<TeamCase> {
  const applicant = o.users
    ? { id: o.users.applicantUserId }
    : await createUser(db, { name: 'Ahmed Hassan' });
  const respondent = o.users
    ? { id: o.users.respondentUserId }
    : await createUser(db, { name: '佳美贸易' });
  const c = await createCase(db, {
    orgId: k.orgId,
    status: o.status ?? 'in_mediation',
    teamMediatorIds: [k.mediatorId, k.lawyerId],
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: 'Ahmed Hassan',
        country: 'EG',
        languages: ['ar'],
        userId: applicant.id,
      },
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌市佳美贸易有限公司',
        country: 'CN',
        languages: ['zh'],
        userId: respondent.id,
      },
    ],
  });
  if (o.maritime || o.referringCourtId) {
    await db
      .updateTable('cases')
      .set({ is_maritime: o.maritime ? 1 : 0, referring_court_id: o.referringCourtId ?? null })
      .where('id', '=', c.id)
      .execute();
  }
  return {
    id: c.id,
    applicantPartyId: c.partyIds[0]!,
    respondentPartyId: c.partyIds[1]!,
    applicantUserId: applicant.id,
    respondentUserId: respondent.id,
    as: o.users?.as ?? {
      applicant: await sessionFor(db, applicant.id),
      respondent: await sessionFor(db, respondent.id),
    },
  };
}
export interface TeamCase {
  id: string;
  applicantPartyId: string;
  respondentPartyId: string;
  applicantUserId: string;
  respondentUserId: string;
  as: { applicant: Headers; respondent: Headers };
}

// Chinese for the respondent, Arabic for the applicant: each party can read every section.
const text = (t: string) => ({
  lang: 'en',
  text: t,
  translations: { zh: `【译】${t}`, ar: `【عربي】${t}` },
});

/** Art. 29 contents: two points, USD 12,000 in two instalments. */
export function agreementContentFixture(
  o: {
    amount?: string | null;
    currency?: string | null;
    instalments?: { seq: number; dueOn: string; amount: string }[];
  } = {},
) {
  const amount = o.amount === undefined ? '12000.00' : o.amount;
  return {
    facts: text('The buyer paid for 5,000 phone cases; 1,200 arrived cracked.'),
    disputedMatters: text('Whether the cracks were caused in transit or in manufacture.'),
    responsibilities: text('The seller packed the goods without protective inserts.'),
    points: [
      { no: 1, text: text('The seller refunds USD 12,000 to the buyer.') },
      { no: 2, text: text('The buyer returns the cracked cases at the seller’s cost.') },
    ],
    amount,
    currency: o.currency === undefined ? (amount === null ? null : 'USD') : o.currency,
    performanceMethod: text('Bank transfer to the buyer’s account in two instalments.'),
    instalments:
      o.instalments ??
      (amount === null
        ? []
        : [
            { seq: 1, dueOn: '2026-03-20', amount: '6000.00' },
            { seq: 2, dueOn: '2026-04-20', amount: '6000.00' },
          ]),
    prevailingLanguage: 'zh',
  };
}

export async function seedFxRates(db: Kysely<Database>) {
  await upsertFxRates(db, [
    { currency: 'USD', onDate: '2026-02-27', cnyPerUnit: '7.1000', source: 'test' },
    { currency: 'USD', onDate: '2026-03-02', cnyPerUnit: '7.1234', source: 'test' },
    { currency: 'USD', onDate: '2026-03-20', cnyPerUnit: '7.2000', source: 'test' },
    { currency: 'USD', onDate: '2026-04-20', cnyPerUnit: '7.0500', source: 'test' },
  ]);
}

export async function caseVersion(db: Kysely<Database>, caseId: string): Promise<number> {
  const r = await db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return r.version;
}

/** Calls an endpoint with the case's current version added to the body. */
export async function post(
  t: TestApp,
  url: string,
  headers: Headers,
  body: Record<string, unknown> = {},
  o: { caseId?: string } = {},
) {
  const m = /\/cases\/([0-9a-f-]{36})/.exec(url);
  const caseId = o.caseId ?? m?.[1];
  const payload =
    caseId && !('version' in body)
      ? { version: await caseVersion(t.database.db, caseId), ...body }
      : body;
  return t.app.inject({ method: 'POST', url, headers, payload });
}

/** Drives a case from in_mediation to an agreement in effect through the real endpoints. */
export async function concludeAgreed(
  t: TestApp,
  k: Committee,
  c: TeamCase,
  content = agreementContentFixture(),
) {
  const base = `/api/v1/cases/${c.id}/agreements`;
  const draft = await post(t, base, k.as.mediator, { content });
  if (draft.statusCode !== 201) throw new Error(`draft: ${draft.body}`);
  const id = draft.json().agreementId as string;
  const fin = await post(t, `${base}/${id}/finalise`, k.as.mediator);
  if (fin.statusCode !== 200) throw new Error(`finalise: ${fin.body}`);
  for (const [partyId, as] of [
    [c.applicantPartyId, c.as.applicant],
    [c.respondentPartyId, c.as.respondent],
  ] as const) {
    for (const p of content.points) {
      const r = await post(t, `${base}/${id}/confirmations`, as, { partyId, pointNo: p.no });
      if (r.statusCode !== 201) throw new Error(`confirm: ${r.body}`);
    }
    const s = await post(t, `${base}/${id}/signatures`, as, { signer: 'party', partyId });
    if (s.statusCode !== 201) throw new Error(`sign: ${s.body}`);
  }
  const ms = await post(t, `${base}/${id}/signatures`, k.as.mediator, { signer: 'mediator' });
  if (ms.statusCode !== 201) throw new Error(`mediator sign: ${ms.body}`);
  const seal = await post(t, `${base}/${id}/seal`, k.as.officer);
  if (seal.statusCode !== 200) throw new Error(`seal: ${seal.body}`);
  return { agreementId: id, seal: seal.json() };
}

export async function countRows(db: Kysely<Database>) {
  const n = async (
    table:
      | 'audit_events'
      | 'agreements'
      | 'agreement_signatures'
      | 'agreement_confirmations'
      | 'court_filings'
      | 'payments'
      | 'outbox'
      | 'instalments'
      | 'follow_ups'
      | 'police_referrals',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    audit: await n('audit_events'),
    agreements: await n('agreements'),
    signatures: await n('agreement_signatures'),
    confirmations: await n('agreement_confirmations'),
    filings: await n('court_filings'),
    payments: await n('payments'),
    outbox: await n('outbox'),
    instalments: await n('instalments'),
    followUps: await n('follow_ups'),
    police: await n('police_referrals'),
  };
}

/**
 * An agreement written straight into the database for tests of other steps: `final` with every
 * party's confirmations and signatures and the mediator's signature (ready to seal), or
 * `in_effect` with its instalments and a follow-up visit (done or not).
 */
export async function insertAgreementFixture(
  db: Kysely<Database>,
  k: Pick<Committee, 'orgId' | 'mediatorId'>,
  c: Pick<TeamCase, 'id' | 'applicantPartyId' | 'respondentPartyId'>,
  o: {
    status: 'final' | 'in_effect';
    monetary?: boolean;
    effectiveAt?: string;
    followUpDone?: boolean;
  },
) {
  const content = agreementContentFixture(o.monetary ? {} : { amount: null });
  const at = o.effectiveAt ?? '2026-03-02T02:00:00.000Z';
  const id = newId();
  const row = {
    id,
    org_id: k.orgId,
    case_id: c.id,
    version: 1,
    supersedes_id: null,
    status: o.status,
    oral: 0,
    content_json: JSON.stringify(content),
    amount_minor: o.monetary ? 1_200_000 : null,
    currency: o.monetary ? 'USD' : null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('agreements').values(row).execute();
  const stored = await db
    .selectFrom('agreements')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const reference = (
    await db
      .selectFrom('cases')
      .select('reference')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow()
  ).reference;
  const { hash } = await computeAgreementText(db, stored, reference);
  await db
    .updateTable('agreements')
    .set({
      text_hash: hash,
      ...(o.status === 'in_effect' ? { effective_at: at, sealed_at: at } : {}),
    })
    .where('id', '=', id)
    .execute();
  for (const partyId of [c.applicantPartyId, c.respondentPartyId]) {
    for (const p of content.points) {
      await db
        .insertInto('agreement_confirmations')
        .values({
          id: newId(),
          org_id: k.orgId,
          agreement_id: id,
          party_id: partyId,
          point_no: p.no,
          confirmed_at: at,
        })
        .execute();
    }
    await db
      .insertInto('agreement_signatures')
      .values({
        id: newId(),
        org_id: k.orgId,
        agreement_id: id,
        signer_kind: 'party',
        party_id: partyId,
        signer_name: 'Party',
        signed_at: at,
        text_hash: hash,
      })
      .execute();
  }
  await db
    .insertInto('agreement_signatures')
    .values({
      id: newId(),
      org_id: k.orgId,
      agreement_id: id,
      signer_kind: 'mediator',
      mediator_id: k.mediatorId,
      signer_name: 'Omar Mediator',
      signed_at: at,
      text_hash: hash,
    })
    .execute();
  let followUpId: string | null = null;
  if (o.status === 'in_effect') {
    if (o.monetary) {
      for (const i of content.instalments) {
        await db
          .insertInto('instalments')
          .values({
            id: newId(),
            org_id: k.orgId,
            case_id: c.id,
            agreement_id: id,
            seq: i.seq,
            due_on: i.dueOn,
            amount_minor: 600_000,
            currency: 'USD',
            status: 'due',
          })
          .execute();
      }
    }
    followUpId = newId();
    await db
      .insertInto('follow_ups')
      .values({
        id: followUpId,
        org_id: k.orgId,
        case_id: c.id,
        due_on: '2026-05-04',
        done_at: o.followUpDone ? at : null,
        method: o.followUpDone ? 'phone' : null,
      })
      .execute();
  }
  return { agreementId: id, followUpId };
}

/** A roster interpreter with an account, speaking `language`, put on the case's team. */
export async function addTeamInterpreter(
  db: Kysely<Database>,
  k: Committee,
  caseId: string,
  language: string,
) {
  const user = await createUser(db, { orgId: k.orgId, role: 'mediator', name: 'Interpreter' });
  const profile = await createMediator(db, {
    orgId: k.orgId,
    userId: user.id,
    kind: 'interpreter',
    name: 'Layla Interpreter',
    languages: [
      { code: 'zh', proficiency: 'fluent' },
      { code: language, proficiency: 'native' },
    ],
  });
  await db
    .insertInto('case_team_members')
    .values({
      id: newId(),
      org_id: k.orgId,
      case_id: caseId,
      mediator_id: profile.id,
      role: 'interpreter',
      assigned_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  return { userId: user.id, mediatorId: profile.id, as: await sessionFor(db, user.id) };
}
