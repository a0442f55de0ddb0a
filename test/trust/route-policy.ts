import { agreementContentFixture } from '../support/agreement-factories.js';
import {
  enqueueDeadOutboxRow,
  injectAs,
  type AuthorizationWorld,
  type Role,
  type SignedInRole,
} from '../support/authorization-world.js';
import { intakePayload } from '../support/case-factories.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { createPasskey } from '../support/passkey-factories.js';

/**
 * The declared authorisation policy of every HTTP route, checked by authorization-matrix.test.ts
 * against what the application answers. Keys are "METHOD /path" exactly as registered; HEAD
 * routes follow their GET. A route registered without an entry here fails the test.
 *
 * Expectations per caller:
 * - 'ok'  the caller may do this: any answer but 401/403/404 and never 5xx (validation, version
 *         and state conflicts are fine, the point is authorisation);
 * - 'any' a public route: any answer below 500;
 * - 401 / 403 / 404 exactly that status.
 */
export type Expect = 'ok' | 'any' | 401 | 403 | 404;

export interface CallSpec {
  /** Values for the path parameters not covered by the defaults below. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Raw payload with its content type (CSV, multipart). */
  raw?: { contentType: string; payload: Buffer | string };
}

export interface RoutePolicy {
  expect: Record<Role, Expect>;
  /** Builds the request; called once per caller, so it may create a fresh record per call. */
  request?: (w: AuthorizationWorld, role: Role) => CallSpec | Promise<CallSpec>;
  /** The caller uses a fresh session of their own (for routes that end the session). */
  freshSession?: boolean;
  /** The route ends every session of the caller (sign out on all devices): the matrix gives
   * the caller a new shared session afterwards. */
  endsEverySession?: boolean;
  /** The answer may name case C1 to callers who cannot open it (the holder of a feed URL). */
  showsCaseToCredentialHolder?: boolean;
  /** Registered only when the web application has been built. */
  onlyWithWebBuild?: boolean;
}

/** Every write that carries the case version sends a stale one: allowed callers get 409 and the
 * shared fixture never changes, while refused callers must still get 403/404 before any
 * version check (a 409 to them would tell that the record exists). */
export const STALE_VERSION = 999_999;

/** Who can see case C1 (and therefore gets 403 rather than 404 where an action is not theirs). */
export const seesCase: readonly SignedInRole[] = [
  'partyA',
  'mediatorOn',
  'officer',
  'liaison',
  'director',
];

const signedIn: readonly SignedInRole[] = [
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
];

function build(f: (r: SignedInRole) => Expect): Record<Role, Expect> {
  const out = { anonymous: 401 } as Record<Role, Expect>;
  for (const r of signedIn) out[r] = f(r);
  return out;
}

/** A record of case C1: `allowed` may act, others who see the case get 403, the rest 404. */
const onCase = (...allowed: SignedInRole[]) =>
  build((r) => (allowed.includes(r) ? 'ok' : seesCase.includes(r) ? 403 : 404));
/** Any signed-in caller, on their own things. */
const anySignedIn = () => build(() => 'ok');
/** Open to everyone, signed in or not. */
const publicRoute = (e: 'ok' | 'any' = 'ok') => ({ ...build(() => e), anonymous: e });
/** Explicit expectations; unnamed signed-in callers get `rest`. */
const explicit = (named: Partial<Record<SignedInRole, Expect>>, rest: Expect = 404) =>
  build((r) => named[r] ?? rest);

const managers = { officer: 'ok', director: 'ok' } as const;
/** Staff of the committee without the role: the organisation is theirs, so 403 (requireOrgRole);
 * staff of another committee and parties get 404, as for an organisation that does not exist. */
const staffOfOrg = { mediatorOff: 403, mediatorOn: 403, liaison: 403, liaisonOther: 403 } as const;
/** The committee's director and officers; its other staff 403, everyone else 404. */
const orgManagers = { ...managers, ...staffOfOrg } as const;
/** The committee's director; its officers and other staff 403, everyone else 404. */
const orgDirector = { director: 'ok', officer: 403, ...staffOfOrg } as const;

const reason = 'Stated reasons for the record.';
const orgQuery = (w: AuthorizationWorld) => ({ query: { orgId: w.orgId } });
let seq = 0;
let feedToken: Promise<string> | undefined;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export function multipartFile(file: Buffer, filename: string) {
  const boundary = '----accordmatrix' + (++seq).toString(16);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** A record on the roster of mediatorOff (who is "self" there; mediatorOn is just a colleague,
 * refused with 403 like the committee's liaisons). */
const rosterEntry = (selfMay: boolean) =>
  explicit({ ...orgManagers, mediatorOff: selfMay ? 'ok' : 403 });

/** A fresh payment report of partyA on C1, with a bank slip partyA uploads: one per caller,
 * so a caller allowed to decide it never finds it decided by the previous one. */
async function reportPaymentAsPartyA(w: AuthorizationWorld): Promise<string> {
  const slip = multipartFile(pdf, 'bank-slip.pdf');
  const upload = await w.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${w.c1.id}/documents`,
    headers: { ...w.as.partyA, 'content-type': slip.contentType },
    payload: slip.payload,
  });
  const report = await injectAs(w, 'partyA', 'POST', `/api/v1/cases/${w.c1.id}/payment-reports`, {
    amount: { amount: '100.00', currency: 'USD' },
    paidOn: '2026-03-01',
    documentId: upload.json().id,
  });
  if (report.statusCode !== 201) throw new Error(`payment report: ${report.body}`);
  return report.json().id as string;
}

const asDirector = (w: AuthorizationWorld, method: 'POST', url: string, payload: unknown) =>
  injectAs(w, 'director', method, url, payload);

/** A WebAuthn response of the right shape that answers no challenge (the matrix tests who may
 * call, not the cryptography). */
function fakeWebauthnResponse(kind: 'assertion' | 'attestation') {
  const clientDataJSON = Buffer.from(
    JSON.stringify({ type: 'webauthn.get', challenge: 'no-such-challenge', origin: 'x' }),
  ).toString('base64url');
  return {
    id: 'AAAA',
    rawId: 'AAAA',
    type: 'public-key',
    response:
      kind === 'assertion'
        ? { clientDataJSON, authenticatorData: 'AAAA', signature: 'AAAA' }
        : { clientDataJSON, attestationObject: 'AAAA' },
    clientExtensionResults: {},
  };
}

export const routePolicy: Record<string, RoutePolicy> = {
  // ── public ─────────────────────────────────────────────────────────────────────────────────
  'GET /api/health': { expect: publicRoute() },
  'GET /api/openapi.json': { expect: publicRoute() },
  'POST /api/v1/auth/login': {
    expect: publicRoute(),
    request: (w) => ({ body: { email: w.users.partyB.email, password: TEST_PASSWORD } }),
  },
  'POST /api/v1/auth/invitations/redeem': {
    // An unknown token is refused the same way whoever asks.
    expect: publicRoute('any'),
    request: () => ({ body: { token: 'x'.repeat(43) } }),
  },
  'POST /api/v1/auth/sign-in-links': {
    // The same 202 for every caller and every address; the e-mail, if any, goes to the owner.
    expect: publicRoute(),
    request: (w) => ({ body: { email: w.users.partyB.email, next: '/my-cases' } }),
  },
  'POST /api/v1/auth/sign-in-links/redeem': {
    // An unknown link is refused the same way whoever asks.
    expect: publicRoute('any'),
    request: () => ({ body: { token: 'x'.repeat(43) } }),
  },
  'POST /api/v1/auth/passkeys/options': { expect: publicRoute() },
  'POST /api/v1/auth/passkeys/verify': {
    // An answer to no challenge is refused the same way whoever sends it.
    expect: publicRoute('any'),
    request: () => ({ body: { response: fakeWebauthnResponse('assertion') } }),
  },
  'GET /api/v1/calendar/:file': {
    // The feed URL is the credential; whoever holds it reads the mediator's sessions.
    expect: publicRoute(),
    showsCaseToCredentialHolder: true,
    request: async (w) => {
      // One feed for all callers: creating a feed revokes the mediator's previous one.
      feedToken ??= injectAs(w, 'mediatorOn', 'POST', '/api/v1/calendar/feed', undefined).then(
        (r) => (r.json() as { token: string }).token,
      );
      return { params: { file: `${await feedToken}.ics` } };
    },
  },
  'POST /api/v1/cases': {
    // Anyone may apply; staff enter walk-in cases through the same route.
    expect: publicRoute(),
    request: (w) => ({ body: intakePayload({ orgSlug: w.orgSlug }) }),
  },
  'GET /api/v1/public/summary': {
    expect: publicRoute(),
    request: (w) => ({ query: { orgSlug: w.orgSlug } }),
  },
  'GET /api/v1/verify/:hash': {
    expect: publicRoute(),
    request: (w) => ({ params: { hash: w.documentSha256 } }),
  },
  'GET /assets/*': { expect: publicRoute('any'), onlyWithWebBuild: true },
  'GET /*': { expect: publicRoute('any'), onlyWithWebBuild: true },

  // ── the caller's own account ───────────────────────────────────────────────────────────────
  'POST /api/v1/auth/logout': { expect: anySignedIn(), freshSession: true },
  'POST /api/v1/auth/logout-everywhere': {
    expect: anySignedIn(),
    freshSession: true,
    endsEverySession: true,
  },
  'GET /api/v1/me': { expect: anySignedIn() },
  'GET /api/v1/me/sign-in-options': { expect: anySignedIn() },
  // Passkeys are for parties; staff sign in with password and authenticator code.
  'GET /api/v1/me/passkeys': { expect: anySignedIn() },
  // A fresh passkey of partyA per caller: partyA removes or names it, anyone else gets 404.
  'DELETE /api/v1/me/passkeys/:passkeyId': {
    expect: explicit({ partyA: 'ok' }, 404),
    request: async (w) => ({ params: { passkeyId: await createPasskey(w.db, w.users.partyA.id) } }),
  },
  'PATCH /api/v1/me/passkeys/:passkeyId': {
    expect: explicit({ partyA: 'ok' }, 404),
    request: async (w) => ({
      params: { passkeyId: await createPasskey(w.db, w.users.partyA.id) },
      body: { name: 'Phone' },
    }),
  },
  'POST /api/v1/me/passkeys/options': { expect: explicit({ partyA: 'ok', partyB: 'ok' }, 403) },
  'POST /api/v1/me/passkeys': {
    expect: explicit({ partyA: 'ok', partyB: 'ok' }, 403),
    request: () => ({ body: { response: fakeWebauthnResponse('attestation') } }),
  },
  'POST /api/v1/me/password': {
    // A new password that breaks the policy: refused as 4xx, the account stays as it is.
    expect: anySignedIn(),
    request: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } }),
  },
  'POST /api/v1/me/totp/enroll': { expect: anySignedIn() },
  'POST /api/v1/me/totp/confirm': {
    expect: anySignedIn(),
    request: () => ({ body: { code: '000000' } }),
  },
  'GET /api/v1/me/preferences': { expect: anySignedIn() },
  'PUT /api/v1/me/preferences': {
    expect: anySignedIn(),
    request: () => ({ body: { timeZone: 'Asia/Shanghai' } }),
  },
  'GET /api/v1/me/cases': { expect: anySignedIn() },
  'GET /api/v1/cases': { expect: anySignedIn() },
  // Only mediators have sessions to publish; anyone else is refused on their own account.
  'POST /api/v1/calendar/feed': { expect: explicit({ mediatorOff: 'ok', mediatorOn: 'ok' }, 403) },
  'DELETE /api/v1/calendar/feed': {
    expect: explicit({ mediatorOff: 'ok', mediatorOn: 'ok' }, 403),
  },
  'GET /api/v1/notifications': { expect: anySignedIn() },
  'POST /api/v1/notifications/read-all': { expect: anySignedIn() },
  'POST /api/v1/notifications/:id/read': {
    // partyA's notification: nobody else's to read.
    expect: explicit({ partyA: 'ok' }),
    request: (w) => ({ params: { id: w.notificationId } }),
  },

  // ── organisation administration ────────────────────────────────────────────────────────────
  // The director's own committees: staff of any committee get 403, parties (staff of none) 404.
  'GET /api/v1/admin/outbox/dead': { expect: explicit({ ...orgDirector, officerOther: 403 }) },
  'POST /api/v1/admin/outbox/:id/retry': {
    // A row of the committee: its staff 403, the other committee's officer 404.
    expect: explicit(orgDirector),
    request: async (w) => ({
      params: { id: await enqueueDeadOutboxRow(w.db, w.orgId, w.deadOutboxId) },
    }),
  },
  'GET /api/v1/admin/dev-mailbox': { expect: explicit({ ...orgDirector, officerOther: 403 }) },
  // The platform administrator's committees: nobody's organisation, so every other caller,
  // a committee's director included, gets 404 (require-platform-admin.ts).
  'POST /api/v1/orgs': {
    expect: explicit({ platformAdmin: 'ok' }),
    request: () => ({
      body: {
        slug: `matrix-committee-${++seq}`,
        names: { 'zh-CN': '矩阵调解委员会', en: 'Matrix committee' },
        referencePrefix: '矩调',
        timeZone: 'Asia/Shanghai',
        director: { email: `matrix-director-${seq}@matrix.example` },
      },
    }),
  },
  'GET /api/v1/orgs': { expect: explicit({ platformAdmin: 'ok' }) },
  'POST /api/v1/orgs/:orgId/users': {
    // Accounts are the director's business.
    expect: explicit(orgDirector),
    request: () => ({
      body: {
        email: `new-staff-${++seq}@matrix.example`,
        password: 'a long enough password 4711',
        displayName: 'New Staff',
        role: 'mediator',
      },
    }),
  },
  'POST /api/v1/orgs/:orgId/mediators': {
    expect: explicit(orgManagers),
    request: () => ({
      body: {
        displayName: 'New Mediator',
        kind: 'foreign',
        nationality: 'EG',
        languages: [{ code: 'ar', proficiency: 'native' }],
      },
    }),
  },
  'GET /api/v1/orgs/:orgId/mediators': { expect: explicit(orgManagers) },
  'GET /api/v1/orgs/:orgId/mediators/export.csv': { expect: explicit(orgManagers) },
  'POST /api/v1/orgs/:orgId/mediators/import': {
    expect: explicit(orgManagers),
    request: () => ({ raw: { contentType: 'text/csv', payload: 'displayName\n' } }),
  },
  'GET /api/v1/orgs/:orgId/matching-weights': { expect: explicit(orgManagers) },
  'PUT /api/v1/orgs/:orgId/matching-weights': {
    // The officer sees the weights but only the director sets them.
    expect: explicit(orgDirector),
    request: () => ({ body: {} }),
  },
  'GET /api/v1/orgs/:orgId/duty-rota': {
    // Who is on duty is known to all staff of the committee.
    expect: explicit({
      ...managers,
      mediatorOff: 'ok',
      mediatorOn: 'ok',
      liaison: 'ok',
      liaisonOther: 'ok',
    }),
    request: () => ({ query: { from: '2026-03-01', to: '2026-03-07' } }),
  },
  'PUT /api/v1/orgs/:orgId/duty-rota/:date': {
    expect: explicit(orgManagers),
    request: () => ({ params: { date: '2026-03-10' }, body: { mediatorIds: [] } }),
  },
  'GET /api/v1/stats/summary': {
    expect: explicit(orgManagers),
    request: orgQuery,
  },
  'GET /api/v1/stats/breakdown': {
    expect: explicit(orgManagers),
    request: (w) => ({ query: { orgId: w.orgId, by: 'category' } }),
  },
  'GET /api/v1/reports/official.xlsx': {
    expect: explicit(orgManagers),
    request: orgQuery,
  },
  'GET /api/v1/reports/official.csv': {
    expect: explicit(orgManagers),
    request: orgQuery,
  },
  'GET /api/v1/reports/language-coverage': {
    // Built from the roster, which only its managers see.
    expect: explicit(orgManagers),
    request: (w) => ({ query: { orgId: w.orgId, from: '2026-01-01', to: '2026-03-01' } }),
  },
  'GET /api/v1/orgs/:orgId/settings': { expect: explicit(orgManagers) },
  'PUT /api/v1/orgs/:orgId/settings/public-figures': {
    expect: explicit(orgDirector),
    request: () => ({ body: { enabled: true } }),
  },
  'GET /api/v1/orgs/:orgId/audit-events': { expect: explicit(orgDirector) },
  'GET /api/v1/orgs/:orgId/audit-events/verification': {
    expect: explicit(orgDirector),
  },
  'POST /api/v1/performance/mark-breached': {
    // Acts on the caller's own organisations only; parties have none.
    expect: explicit({ ...orgManagers, officerOther: 'ok' }),
    request: () => ({ body: {} }),
  },

  // ── the roster: mediatorOff's profile ──────────────────────────────────────────────────────
  'GET /api/v1/mediators/:id': { expect: rosterEntry(true) },
  'PATCH /api/v1/mediators/:id': {
    expect: rosterEntry(false),
    request: () => ({ body: { caseLimit: 5 } }),
  },
  'POST /api/v1/mediators/:id/deactivate': { expect: rosterEntry(false) },
  'POST /api/v1/mediators/:id/reactivate': { expect: rosterEntry(false) },
  'GET /api/v1/mediators/:id/relationships': { expect: rosterEntry(true) },
  'POST /api/v1/mediators/:id/relationships': {
    expect: rosterEntry(true),
    request: () => ({ body: { kind: 'company', name: 'Acme Trading', relation: 'employee' } }),
  },
  'DELETE /api/v1/mediators/:id/relationships/:relationshipId': {
    expect: rosterEntry(true),
    request: async (w) => {
      const r = await asDirector(w, 'POST', `/api/v1/mediators/${w.mediatorOffId}/relationships`, {
        kind: 'company',
        name: `Declared ${++seq}`,
        relation: 'owner',
      });
      return { params: { relationshipId: (r.json() as { id: string }).id } };
    },
  },
  'GET /api/v1/mediators/:id/availability': {
    expect: rosterEntry(true),
    request: () => ({
      query: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
    }),
  },
  'PUT /api/v1/mediators/:id/availability/weekly': {
    expect: rosterEntry(true),
    request: () => ({ body: { slots: [{ weekday: 1, start: '09:00', end: '17:00' }] } }),
  },
  'POST /api/v1/mediators/:id/availability/exceptions': {
    expect: rosterEntry(true),
    request: () => ({ body: { kind: 'leave', startsOn: '2026-05-01', endsOn: '2026-05-02' } }),
  },
  'DELETE /api/v1/mediators/:id/availability/exceptions/:exceptionId': {
    expect: rosterEntry(true),
    request: async (w) => {
      const day = `2026-06-${String((++seq % 28) + 1).padStart(2, '0')}`;
      const r = await asDirector(
        w,
        'POST',
        `/api/v1/mediators/${w.mediatorOffId}/availability/exceptions`,
        { kind: 'travel', startsOn: day, endsOn: day },
      );
      return { params: { exceptionId: (r.json() as { id: string }).id } };
    },
  },
  'GET /api/v1/mediators/:id/admission': { expect: rosterEntry(true) },
  'POST /api/v1/mediators/:id/admission/evidence': {
    expect: rosterEntry(false),
    request: () => ({ raw: multipartFile(pdf, 'licence.pdf') }),
  },
  'PUT /api/v1/mediators/:id/admission/:item': {
    expect: rosterEntry(false),
    request: () => ({ params: { item: 'tax_records' }, body: { status: 'passed' } }),
  },

  // ── courts ─────────────────────────────────────────────────────────────────────────────────
  // The docket of the caller's own court(s): empty for whoever has none (the content check of the
  // matrix makes sure that nobody outside case C1 finds it there).
  'GET /api/v1/court-filings': { expect: anySignedIn() },
  'POST /api/v1/court-filings/:filingId/acceptance': {
    expect: onCase('liaison'),
    request: () => ({ body: { courtCaseNumber: '(2026)浙0782民特1号' } }),
  },
  'POST /api/v1/court-filings/:filingId/result': {
    expect: onCase('liaison'),
    request: () => ({ body: { result: 'confirmed' } }),
  },

  // ── case C1 ────────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/cases/:id': { expect: onCase(...seesCase) },
  'GET /api/v1/cases/:id/duplicates': { expect: onCase('officer', 'director') },
  'POST /api/v1/cases/:id/accept': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:id/reject': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:id/withdraw': {
    expect: onCase('partyA', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:id/appeal': {
    expect: onCase('partyA'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:id/appeal/decision': {
    expect: onCase('director'),
    request: () => ({ body: { version: STALE_VERSION, decision: 'uphold', reason } }),
  },
  'POST /api/v1/cases/:id/extension-consents': {
    expect: onCase('partyA', 'officer', 'director'),
    request: (w, role) => ({
      body: role === 'partyA' ? {} : { partyId: w.c1.applicantPartyId },
    }),
  },
  'POST /api/v1/cases/:id/extend': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, days: 30, reason } }),
  },
  'PUT /api/v1/cases/:id/team': {
    expect: onCase('officer', 'director'),
    request: (w) => ({
      body: { version: STALE_VERSION, lead: w.mediatorOnId, lawyer: w.lawyerId },
    }),
  },
  'POST /api/v1/cases/:id/team/objections': {
    expect: onCase('partyA'),
    request: (w) => ({ body: { version: STALE_VERSION, mediatorId: w.lawyerId, reason } }),
  },
  'POST /api/v1/cases/:id/parties/:partyId/invitations': {
    expect: onCase('officer', 'director'),
    request: (w) => ({
      params: { partyId: w.c1.respondentPartyId },
      body: { version: STALE_VERSION },
    }),
  },
  'GET /api/v1/cases/:id/team-suggestions': { expect: onCase('officer', 'director') },
  'GET /api/v1/cases/:id/team-proposal': { expect: onCase('officer', 'director') },
  'POST /api/v1/cases/:id/team-proposal': { expect: onCase('officer', 'director') },
  'GET /api/v1/cases/:id/sessions': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:id/sessions': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({
      body: {
        version: STALE_VERSION,
        startsAt: '2026-03-25T10:00',
        timeZone: 'Asia/Shanghai',
        durationMinutes: 60,
        mode: 'in_person',
        room: 'Room 3',
      },
    }),
  },
  'PATCH /api/v1/cases/:id/sessions/:sessionId': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, durationMinutes: 60 } }),
  },
  'POST /api/v1/cases/:id/sessions/:sessionId/cancel': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:id/sessions/:sessionId/record': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: (w) => ({
      body: {
        version: STALE_VERSION,
        attendees: [{ kind: 'party', id: w.c1.applicantPartyId }],
        interpreterPresent: true,
        minutes: { language: 'zh', text: '双方到场。' },
      },
    }),
  },
  'POST /api/v1/cases/:id/sessions/:sessionId/record/corrections': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: (w) => ({
      body: {
        version: STALE_VERSION,
        reason,
        attendees: [{ kind: 'party', id: w.c1.applicantPartyId }],
        interpreterPresent: true,
        minutes: { language: 'zh', text: '双方到场。' },
      },
    }),
  },
  // Only parties ask for a translation; the staff who see the case translate instead (403).
  'POST /api/v1/cases/:id/sessions/:sessionId/translation-requests': {
    expect: onCase('partyA'),
    request: () => ({ body: { language: 'ar' } }),
  },
  'POST /api/v1/cases/:id/sessions/:sessionId/sight-translations': {
    // The interpreter attests for themselves: a member of the team who speaks the language.
    expect: onCase('mediatorOn'),
    request: (w) => ({ body: { partyId: w.c1.respondentPartyId, language: 'zh' } }),
  },
  'POST /api/v1/cases/:id/sessions/:sessionId/confirmations': {
    expect: onCase('partyA', 'mediatorOn'),
  },
  'GET /api/v1/cases/:id/messages': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:id/messages': {
    expect: onCase('partyA', 'mediatorOn', 'officer', 'director'),
    request: () => ({ body: { language: 'en', body: 'A message for the matrix.' } }),
  },
  'PUT /api/v1/cases/:id/messages/read-positions/:channel': {
    // The respondent's caucus: the team reads it; partyA is the other side and must get 404,
    // as must the court liaison, who sees the case but never a caucus.
    expect: build((r) => (['mediatorOn', 'officer', 'director'].includes(r) ? 'ok' : 404)),
    request: (w) => ({
      params: { channel: 'caucus_respondent' },
      body: { upTo: w.caucusMessageId },
    }),
  },
  'PUT /api/v1/cases/:id/messages/:messageId/translations/:language': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ params: { language: 'zh' }, body: { text: '请上传发票。' } }),
  },
  'GET /api/v1/cases/:id/documents': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:id/documents': {
    expect: onCase('partyA', 'mediatorOn', 'officer', 'director'),
    request: () => ({ raw: multipartFile(pdf, 'evidence.pdf') }),
  },
  'GET /api/v1/cases/:id/documents/:documentId/content': { expect: onCase(...seesCase) },
  'PATCH /api/v1/cases/:id/documents/:documentId': {
    // The level the shared file already has: allowed callers change nothing in the fixture.
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { visibility: 'all', reason: 'Checked with the parties.' } }),
  },
  'GET /api/v1/cases/:id/documents/:file': {
    expect: onCase(...seesCase),
    request: () => ({ params: { file: 'agreement.pdf' } }),
  },
  'GET /api/v1/cases/:id/dossier.pdf': {
    expect: onCase('mediatorOn', 'officer', 'director', 'liaison'),
  },
  'GET /api/v1/cases/:id/dossier.zip': {
    expect: onCase('mediatorOn', 'officer', 'director', 'liaison'),
  },
  'GET /api/v1/cases/:caseId/email-bounces': { expect: onCase('officer', 'director') },
  'GET /api/v1/cases/:caseId/agreements': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:caseId/agreements': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, content: agreementContentFixture() } }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/revisions': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, content: agreementContentFixture() } }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/finalise': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION } }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/confirmations': {
    // A party confirms its own points; the team or an officer records a confirmation given in person.
    expect: onCase('partyA', 'mediatorOn', 'officer', 'director'),
    request: (w) => ({
      body: { version: STALE_VERSION, partyId: w.c1.applicantPartyId, pointNo: 1 },
    }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/signatures': {
    expect: onCase('partyA', 'mediatorOn'),
    request: (w, role) => ({
      body:
        role === 'mediatorOn'
          ? { version: STALE_VERSION, signer: 'mediator' }
          : { version: STALE_VERSION, signer: 'party', partyId: w.c1.applicantPartyId },
    }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/sight-translations': {
    // The interpreter attests for themselves: a member of the team who speaks the language.
    expect: onCase('mediatorOn'),
    request: (w) => ({ body: { partyId: w.c1.respondentPartyId, language: 'zh' } }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/translation-requests': {
    expect: onCase('partyA'),
    request: () => ({ body: {} }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/translation-approvals': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { section: 'facts', language: 'ar' } }),
  },
  'PUT /api/v1/cases/:caseId/translation-assignments/:language': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: (w) => ({
      params: { language: 'ar' },
      body: { assigneeUserId: w.users.mediatorOn.id },
    }),
  },
  'POST /api/v1/cases/:caseId/agreements/:agreementId/seal': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION } }),
  },
  'POST /api/v1/cases/:caseId/outcome/failed': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'GET /api/v1/cases/:caseId/confirmation/suggested-court': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:caseId/confirmation-filings': {
    expect: onCase('officer', 'director'),
    request: (w) => ({
      body: {
        version: STALE_VERSION,
        courtId: w.courtId,
        applicantPartyIds: [w.c1.applicantPartyId, w.c1.respondentPartyId],
        applicationDate: '2026-03-01',
      },
    }),
  },
  'GET /api/v1/cases/:caseId/referral/courts': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:caseId/referrals': {
    expect: onCase('officer', 'director'),
    request: (w) => ({ body: { version: STALE_VERSION, courtId: w.courtId, reason } }),
  },
  'POST /api/v1/cases/:caseId/reopen-mediation': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'GET /api/v1/cases/:caseId/court-filings': { expect: onCase(...seesCase) },
  'GET /api/v1/cases/:caseId/performance': { expect: onCase(...seesCase) },
  'POST /api/v1/cases/:caseId/payments': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({
      body: {
        version: STALE_VERSION,
        amount: { amount: '100.00', currency: 'USD' },
        paidOn: '2026-03-01',
      },
    }),
  },
  'POST /api/v1/cases/:caseId/payment-reports': {
    // Only a party of the case reports its own payment; the committee verifies it.
    expect: onCase('partyA'),
    request: (w) => ({
      body: {
        amount: { amount: '100.00', currency: 'USD' },
        paidOn: '2026-03-01',
        documentId: w.documentId,
      },
    }),
  },
  'POST /api/v1/cases/:caseId/payment-reports/:reportId/verify': {
    expect: onCase('officer', 'director'),
    request: async (w) => ({
      params: { reportId: await reportPaymentAsPartyA(w) },
      body: { version: STALE_VERSION },
    }),
  },
  'POST /api/v1/cases/:caseId/payment-reports/:reportId/dispute': {
    expect: onCase('officer', 'director'),
    request: async (w) => ({
      params: { reportId: await reportPaymentAsPartyA(w) },
      body: { reason },
    }),
  },
  'POST /api/v1/cases/:caseId/police-referrals': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:caseId/follow-ups/:followUpId': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, method: 'phone', notes: 'Called.' } }),
  },
  'POST /api/v1/cases/:caseId/performance/start': {
    expect: onCase('mediatorOn', 'officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, note: 'Started.' } }),
  },
  'POST /api/v1/cases/:caseId/performance/breach': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION, reason } }),
  },
  'POST /api/v1/cases/:caseId/performance/fulfil': {
    expect: onCase('officer', 'director'),
    request: () => ({ body: { version: STALE_VERSION } }),
  },
};

/** Path parameters by name; routes override what differs (e.g. :id of a mediator). */
export function defaultParams(w: AuthorizationWorld, url: string): Record<string, string> {
  const isMediator = url.startsWith('/api/v1/mediators/');
  return {
    id: isMediator ? w.mediatorOffId : w.c1.id,
    caseId: w.c1.id,
    orgId: w.orgId,
    agreementId: w.agreementId,
    sessionId: w.sessionId,
    documentId: w.documentId,
    messageId: w.messageId,
    followUpId: w.followUpId,
    filingId: w.filingId,
    partyId: w.c1.respondentPartyId,
  };
}
