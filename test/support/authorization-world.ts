import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { enqueueOutbox } from '../../src/db/repositories/outbox-repository.js';
import { newId } from '../../src/domain/new-id.js';
import { insertAgreementFixture, sessionFor, type Headers } from './agreement-factories.js';
import type { TestApp } from './build-test-app.js';
import { createUploadedFile } from './document-factories.js';
import {
  createCase,
  createCourt,
  createCourtFiling,
  createMediator,
  createOrg,
  createUser,
} from './factories.js';
import { createSession } from './notification-factories.js';

/** Who calls: nobody, the two parties, two mediators, officers of two orgs, two liaisons, the director
 * and the platform administrator (staff of no committee). */
export const roles = [
  'anonymous',
  'partyA',
  'partyB',
  'mediatorOff',
  'mediatorOn',
  'officerOther',
  'officer',
  'liaisonOther',
  'liaison',
  'director',
  'platformAdmin',
] as const;
export type Role = (typeof roles)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

/**
 * One committee (org) with case C1 that has every kind of record (agreement in effect with
 * instalments and a follow-up, a scheduled session, an uploaded document, a message, a court
 * filing with the liaison's court), case C2 of another party, and a second committee. partyA is
 * C1's applicant, partyB C2's; mediatorOn leads C1's team, mediatorOff is on no case; liaison's
 * court has C1 filed with it, liaisonOther's court has nothing; officerOther works for org2.
 */
/** A platform administrator: the users flag, no membership (as `accord admin create` leaves it). */
async function createPlatformAdminUser(db: Kysely<Database>) {
  const u = await createUser(db, { name: 'Platform Admin' });
  await db.updateTable('users').set({ platform_admin: 1 }).where('id', '=', u.id).execute();
  return u;
}

export async function createAuthorizationWorld(t: TestApp) {
  const db: Kysely<Database> = t.database.db;
  const org = await createOrg(db);
  const org2 = await createOrg(db);
  const court = await createCourt(db, org.id, { seat: true });
  const courtOther = await createCourt(db, org.id, { seat: false });

  const users = {
    partyA: await createUser(db, { name: 'Ahmed Hassan' }),
    partyB: await createUser(db, { name: 'Ivan Petrov' }),
    mediatorOff: await createUser(db, { orgId: org.id, role: 'mediator' }),
    mediatorOn: await createUser(db, { orgId: org.id, role: 'mediator' }),
    officerOther: await createUser(db, { orgId: org2.id, role: 'officer' }),
    officer: await createUser(db, { orgId: org.id, role: 'officer' }),
    liaisonOther: await createUser(db, {
      orgId: org.id,
      role: 'court_liaison',
      courtId: courtOther.id,
    }),
    liaison: await createUser(db, { orgId: org.id, role: 'court_liaison', courtId: court.id }),
    director: await createUser(db, { orgId: org.id, role: 'director' }),
    platformAdmin: await createPlatformAdminUser(db),
  } satisfies Record<SignedInRole, { id: string; email: string; password: string }>;
  // C1's respondent signs in too, so that the caucus test has a side to compare partyA with.
  // Not one of the eleven callers of the matrix.
  const respondentUser = await createUser(db, { name: '义乌市佳美贸易有限公司' });

  const mediatorOn = await createMediator(db, { orgId: org.id, userId: users.mediatorOn.id });
  const mediatorOff = await createMediator(db, { orgId: org.id, userId: users.mediatorOff.id });
  const lawyer = await createMediator(db, { orgId: org.id, kind: 'lawyer', nationality: 'CN' });

  const c1 = await createCase(db, {
    orgId: org.id,
    status: 'performing',
    teamMediatorIds: [mediatorOn.id, lawyer.id],
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: 'Ahmed Hassan',
        country: 'EG',
        languages: ['ar'],
        userId: users.partyA.id,
      },
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌市佳美贸易有限公司',
        country: 'CN',
        languages: ['zh'],
        userId: respondentUser.id,
      },
    ],
  });
  const c2 = await createCase(db, {
    orgId: org.id,
    status: 'in_mediation',
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: 'Ivan Petrov',
        country: 'RU',
        languages: ['ru'],
        userId: users.partyB.id,
      },
      { role: 'respondent', kind: 'organization', name: '义乌福田商行', country: 'CN' },
    ],
  });
  const { agreementId, followUpId } = await insertAgreementFixture(
    db,
    { orgId: org.id, mediatorId: mediatorOn.id },
    { id: c1.id, applicantPartyId: c1.partyIds[0]!, respondentPartyId: c1.partyIds[1]! },
    { status: 'in_effect', monetary: true, effectiveAt: '2026-02-20T02:00:00.000Z' },
  );
  const filing = await createCourtFiling(db, {
    orgId: org.id,
    caseId: c1.id,
    courtId: court.id,
  });
  const session = await createSession(db, {
    orgId: org.id,
    caseId: c1.id,
    startsAt: '2026-03-20T02:00:00.000Z',
  });
  const document = await createUploadedFile(db, t.database.dataDir, {
    orgId: org.id,
    caseId: c1.id,
    kind: 'evidence',
    filename: 'invoice.pdf',
    mediaType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });

  const as = {} as Record<SignedInRole, Headers>;
  for (const role of Object.keys(users) as SignedInRole[]) {
    as[role] = await sessionFor(db, users[role].id);
  }

  const message = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c1.id}/messages`,
    headers: as.officer,
    payload: { language: 'en', body: 'Please upload the invoice.' },
  });
  if (message.statusCode !== 201) throw new Error(`message: ${message.body}`);

  // The respondent's private caucus: a message of the team with a file shared in it. partyA
  // (the applicant, the other side) must never see either.
  const asRespondent = await sessionFor(db, respondentUser.id);
  const caucusFile = await createUploadedFile(db, t.database.dataDir, {
    orgId: org.id,
    caseId: c1.id,
    kind: 'evidence',
    filename: 'settlement-limit.pdf',
    mediaType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4\n% caucus\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await db
    .updateTable('documents')
    .set({ channel: 'caucus_respondent', uploaded_by: users.mediatorOn.id })
    .where('id', '=', caucusFile.id)
    .execute();
  const caucus = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c1.id}/messages`,
    headers: as.mediatorOn,
    payload: {
      visibility: 'caucus_respondent',
      language: 'zh',
      body: '您方可接受的最低金额是多少？',
      documentIds: [caucusFile.id],
    },
  });
  if (caucus.statusCode !== 201) throw new Error(`caucus message: ${caucus.body}`);

  const notificationId = newId();
  await db
    .insertInto('notifications')
    .values({
      id: notificationId,
      org_id: org.id,
      user_id: users.partyA.id,
      case_id: c1.id,
      kind: 'case_accepted',
      created_at: '2026-03-01T00:00:00.000Z',
      read_at: null,
    })
    .execute();

  const deadOutboxId = await enqueueDeadOutboxRow(db, org.id);
  const slug = (
    await db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
  ).slug;
  const { reference } = await db
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', c1.id)
    .executeTakeFirstOrThrow();

  return {
    app: t.app,
    db,
    orgId: org.id,
    org2Id: org2.id,
    orgSlug: slug,
    courtId: court.id,
    courtOtherId: courtOther.id,
    users,
    as,
    respondentUserId: respondentUser.id,
    asRespondent,
    mediatorOnId: mediatorOn.id,
    mediatorOffId: mediatorOff.id,
    lawyerId: lawyer.id,
    c1: {
      id: c1.id,
      reference,
      applicantPartyId: c1.partyIds[0]!,
      respondentPartyId: c1.partyIds[1]!,
    },
    c2: { id: c2.id },
    agreementId,
    followUpId: followUpId!,
    filingId: filing.id,
    sessionId: session.id,
    documentId: document.id,
    documentSha256: document.sha256,
    messageId: message.json().id as string,
    caucusMessageId: caucus.json().id as string,
    caucusDocumentId: caucusFile.id,
    notificationId,
    deadOutboxId,
  };
}
export type AuthorizationWorld = Awaited<ReturnType<typeof createAuthorizationWorld>>;

/** One request as `role` (anonymous without credentials). */
export function injectAs(
  w: Pick<AuthorizationWorld, 'app' | 'as'>,
  role: Role,
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload: unknown,
  headers: Record<string, string> = role === 'anonymous' ? {} : w.as[role],
) {
  return w.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A notification the worker gave up on (status dead), which the director may retry. */
export async function enqueueDeadOutboxRow(db: Kysely<Database>, orgId: string, id?: string) {
  if (id) {
    await db.updateTable('outbox').set({ status: 'dead' }).where('id', '=', id).execute();
    return id;
  }
  const key = `test.dead:${newId()}`;
  await enqueueOutbox(db, {
    orgId,
    kind: 'test.dead',
    idempotencyKey: key,
    payload: {},
    at: '2026-03-01T00:00:00.000Z',
  });
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('outbox')
    .set({ status: 'dead', attempts: 8, last_error: 'test' })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}
