import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  createCommittee,
  createTeamCase,
  insertAgreementFixture,
  seedFxRates,
  type Committee,
  type Headers,
  type TeamCase,
} from '../support/agreement-factories.js';
import { caseStatuses, type CaseStatus } from '../../src/domain/case-status.js';
import {
  caseActions,
  isActionAllowed,
  type CaseAction,
} from '../../src/domain/case-transitions.js';
import { newId } from '../../src/domain/new-id.js';
import { extensionConsentKind } from '../../src/use-cases/cases/record-extension-consent.js';

/**
 * Every (state, action) pair of the lifecycle table, through the real endpoint that performs the
 * action: allowed pairs succeed; every other pair answers 409 INVALID_TRANSITION naming the
 * state, and writes nothing (the case row, every case-scoped table, the audit trail and the
 * outbox are compared before and after).
 */
let t: TestApp;
let k: Committee;
let parties: TeamCase;
const NOW = '2026-03-02T02:00:00.000Z';
beforeAll(async () => {
  t = await buildTestApp({ now: NOW });
  k = await createCommittee(t.database.db);
  await seedFxRates(t.database.db);
  // One pair of party accounts for every case keeps the 250-odd fixtures quick.
  parties = await createTeamCase(t.database.db, k);
});
afterAll(async () => t.close());

type Need =
  | 'appeal'
  | 'consents'
  | 'session'
  | 'final'
  | 'effect'
  | 'effectMoney'
  | 'visited'
  | 'rejectedConfirmation';

interface Fixture {
  c: TeamCase;
  sessionId: string | null;
  followUpId: string | null;
  agreementId: string | null;
}

const needs: Record<CaseAction, Need[]> = {
  accept: [],
  reject: [],
  overturn_rejection: ['appeal'],
  uphold_rejection: ['appeal'],
  assign_team: [],
  object_to_mediator: [],
  extend_deadline: ['consents'],
  schedule_session: [],
  record_session: ['session'],
  draft_agreement: [],
  conclude_agreed: ['final'],
  conclude_failed: [],
  withdraw: [],
  apply_confirmation: ['effect'],
  start_performance: ['effect'],
  record_payment: ['effectMoney'],
  fulfil: ['effect', 'visited'],
  breach: ['effect'],
  reopen_mediation: ['effect', 'rejectedConfirmation'],
  refer_litigation: [],
  record_follow_up: ['effect'],
  refer_police: [],
};

const reason = 'Stated reason for the record.';
const simpleContent = {
  facts: { lang: 'en', text: 'Facts.', translations: {} },
  disputedMatters: { lang: 'en', text: 'Matters.', translations: {} },
  responsibilities: { lang: 'en', text: 'Responsibilities.', translations: {} },
  points: [{ no: 1, text: { lang: 'en', text: 'The seller apologises.', translations: {} } }],
  amount: null,
  currency: null,
  performanceMethod: { lang: 'en', text: 'In writing.', translations: {} },
  instalments: [],
  prevailingLanguage: 'zh',
};

/** The endpoint that performs each action, as the role that may perform it. */
const drivers: Record<
  CaseAction,
  (f: Fixture) => [string, Headers, Record<string, unknown>, ('POST' | 'PUT')?]
> = {
  accept: (f) => [`/cases/${f.c.id}/accept`, k.as.officer, { reason }],
  reject: (f) => [`/cases/${f.c.id}/reject`, k.as.officer, { reason }],
  overturn_rejection: (f) => [
    `/cases/${f.c.id}/appeal/decision`,
    k.as.director,
    { decision: 'overturn', reason },
  ],
  uphold_rejection: (f) => [
    `/cases/${f.c.id}/appeal/decision`,
    k.as.director,
    { decision: 'uphold', reason },
  ],
  assign_team: (f) => [
    `/cases/${f.c.id}/team`,
    k.as.officer,
    { lead: k.mediatorId, lawyer: k.lawyerId },
    'PUT',
  ],
  object_to_mediator: (f) => [
    `/cases/${f.c.id}/team/objections`,
    f.c.as.applicant,
    { mediatorId: k.mediatorId, reason },
  ],
  extend_deadline: (f) => [`/cases/${f.c.id}/extend`, k.as.officer, { days: 15, reason }],
  schedule_session: (f) => [
    `/cases/${f.c.id}/sessions`,
    k.as.officer,
    {
      startsAt: '2026-03-10T10:00',
      timeZone: 'Asia/Shanghai',
      durationMinutes: 60,
      mode: 'online',
      meetingUrl: 'https://meet.example/room-1',
    },
  ],
  record_session: (f) => [
    `/cases/${f.c.id}/sessions/${f.sessionId}/record`,
    k.as.mediator,
    {
      attendees: [{ kind: 'party', id: f.c.applicantPartyId }],
      interpreterPresent: true,
      minutes: { language: 'ar', text: 'محضر الجلسة' },
    },
  ],
  draft_agreement: (f) => [
    `/cases/${f.c.id}/agreements`,
    k.as.mediator,
    { content: simpleContent },
  ],
  conclude_agreed: (f) => [`/cases/${f.c.id}/agreements/${f.agreementId}/seal`, k.as.officer, {}],
  conclude_failed: (f) => [`/cases/${f.c.id}/outcome/failed`, k.as.mediator, { reason }],
  withdraw: (f) => [`/cases/${f.c.id}/withdraw`, k.as.officer, { reason }],
  apply_confirmation: (f) => [
    `/cases/${f.c.id}/confirmation-filings`,
    k.as.officer,
    {
      courtId: k.seatCourtId,
      applicantPartyIds: [f.c.applicantPartyId, f.c.respondentPartyId],
      applicationDate: '2026-03-02',
    },
  ],
  start_performance: (f) => [
    `/cases/${f.c.id}/performance/start`,
    k.as.officer,
    { note: 'Goods returned.' },
  ],
  record_payment: (f) => [
    `/cases/${f.c.id}/payments`,
    k.as.officer,
    { amount: { amount: '100.00', currency: 'USD' }, paidOn: '2026-03-02' },
  ],
  fulfil: (f) => [`/cases/${f.c.id}/performance/fulfil`, k.as.officer, {}],
  breach: (f) => [`/cases/${f.c.id}/performance/breach`, k.as.officer, { reason }],
  reopen_mediation: (f) => [`/cases/${f.c.id}/reopen-mediation`, k.as.officer, { reason }],
  refer_litigation: (f) => [
    `/cases/${f.c.id}/referrals`,
    k.as.officer,
    { courtId: k.seatCourtId, reason },
  ],
  record_follow_up: (f) => [
    `/cases/${f.c.id}/follow-ups/${f.followUpId}`,
    k.as.officer,
    { method: 'phone', notes: 'Called both parties.' },
  ],
  refer_police: (f) => [`/cases/${f.c.id}/police-referrals`, k.as.officer, { reason }],
};

async function buildFixture(state: CaseStatus, action: CaseAction): Promise<Fixture> {
  // One transaction per fixture: one commit (one fsync on SQLite) instead of dozens.
  return t.database.db.transaction().execute((db) => buildFixtureIn(db, state, action));
}

async function buildFixtureIn(
  db: Kysely<Database>,
  state: CaseStatus,
  action: CaseAction,
): Promise<Fixture> {
  const c = await createTeamCase(db, k, { users: parties });
  const want = needs[action];
  const f: Fixture = { c, sessionId: null, followUpId: null, agreementId: null };
  if (want.includes('appeal')) {
    await db
      .insertInto('case_rejection_appeals')
      .values({
        id: newId(),
        org_id: k.orgId,
        case_id: c.id,
        party_id: c.applicantPartyId,
        reason,
        created_at: NOW,
      })
      .execute();
  }
  if (want.includes('consents')) {
    for (const partyId of [c.applicantPartyId, c.respondentPartyId]) {
      await db
        .insertInto('consents')
        .values({
          id: newId(),
          org_id: k.orgId,
          case_id: c.id,
          party_id: partyId,
          kind: extensionConsentKind(1),
          text_version: 'v1',
          given_at: NOW,
        })
        .execute();
    }
  }
  if (want.includes('session')) {
    f.sessionId = newId();
    await db
      .insertInto('mediation_sessions')
      .values({
        id: f.sessionId,
        org_id: k.orgId,
        case_id: c.id,
        starts_at: '2026-03-01T02:00:00.000Z',
        time_zone: 'Asia/Shanghai',
        duration_minutes: 60,
        mode: 'online',
        meeting_url: 'https://meet.example/room-1',
        status: 'scheduled',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }
  if (want.includes('final')) {
    f.agreementId = (await insertAgreementFixture(db, k, c, { status: 'final' })).agreementId;
  }
  if (want.includes('effect') || want.includes('effectMoney')) {
    const a = await insertAgreementFixture(db, k, c, {
      status: 'in_effect',
      monetary: want.includes('effectMoney'),
      followUpDone: want.includes('visited'),
    });
    f.agreementId = a.agreementId;
    f.followUpId = a.followUpId;
  }
  if (want.includes('rejectedConfirmation')) {
    await db
      .insertInto('court_filings')
      .values({
        id: newId(),
        org_id: k.orgId,
        case_id: c.id,
        court_id: k.seatCourtId,
        kind: 'confirmation',
        status: 'rejected',
        agreement_id: f.agreementId,
        filed_at: NOW,
        result: 'rejected',
        result_at: NOW,
      })
      .execute();
  }
  await db.updateTable('cases').set({ status: state }).where('id', '=', c.id).execute();
  return f;
}

const caseTables = [
  'case_parties',
  'case_team_members',
  'team_objections',
  'mediation_sessions',
  'agreements',
  'instalments',
  'payments',
  'follow_ups',
  'court_filings',
  'police_referrals',
  'consents',
  'case_rejection_appeals',
  'case_deadline_extensions',
] as const;

/** Everything a call on this case could write. */
async function snapshot(caseId: string) {
  const db = t.database.db;
  const count = async (
    table: 'audit_events' | 'outbox' | 'agreement_signatures' | 'agreement_confirmations',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Concurrent reads: this runs ~500 times per engine.
  const [row, rows, audit, outbox, signatures, confirmations] = await Promise.all([
    db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst(),
    Promise.all(
      caseTables.map((table) =>
        db.selectFrom(table).selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
      ),
    ),
    count('audit_events'),
    count('outbox'),
    count('agreement_signatures'),
    count('agreement_confirmations'),
  ]);
  return {
    case: row,
    ...Object.fromEntries(caseTables.map((table, i) => [table, rows[i]])),
    audit,
    outbox,
    signatures,
    confirmations,
  };
}

describe('every (state, action) pair of the lifecycle table', () => {
  it.each(caseActions)('%s', async (action) => {
    const problems: string[] = [];
    // A refused call writes nothing, so the refused states share one fixture (re-labelled with
    // each state in turn); every allowed state gets a fresh one, since success changes it.
    const shared = await buildFixture('submitted', action);
    for (const state of caseStatuses) {
      const allowed = isActionAllowed(state, action);
      const f = allowed ? await buildFixture(state, action) : shared;
      if (!allowed) {
        await t.database.db
          .updateTable('cases')
          .set({ status: state })
          .where('id', '=', f.c.id)
          .execute();
      }
      const [path, headers, body, method = 'POST'] = drivers[action](f);
      const before = await snapshot(f.c.id);
      const res: LightMyRequestResponse = await t.app.inject({
        method,
        url: `/api/v1${path}`,
        headers,
        payload: { version: before.case!.version, ...body },
      });
      if (allowed) {
        if (res.statusCode < 200 || res.statusCode > 299) {
          problems.push(`${state}: expected success, got ${res.statusCode} ${res.body}`);
          continue;
        }
        const after = await snapshot(f.c.id);
        if (after.audit <= before.audit) problems.push(`${state}: succeeded without an audit row`);
      } else {
        const err = res.json().error;
        if (
          res.statusCode !== 409 ||
          err?.code !== 'INVALID_TRANSITION' ||
          err?.details?.state !== state ||
          // The translated message names the state too, not only the machine-readable details.
          !String(err?.message).includes(state)
        ) {
          problems.push(
            `${state}: expected 409 INVALID_TRANSITION naming ${state}, got ${res.statusCode} ${res.body}`,
          );
          continue;
        }
        const after = await snapshot(f.c.id);
        try {
          expect(after).toEqual(before);
        } catch {
          problems.push(`${state}: refused but something was written`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
