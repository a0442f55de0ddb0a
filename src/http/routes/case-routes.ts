import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error.js';
import { caseStatuses } from '../../domain/case-status.js';
import { intakeConsentKinds } from '../../domain/consent-texts.js';
import { caseCategories, caseSources } from '../../domain/dispute-categories.js';
import { acceptCase } from '../../use-cases/cases/accept-case.js';
import { appealRejection } from '../../use-cases/cases/appeal-rejection.js';
import { decideRejectionAppeal } from '../../use-cases/cases/decide-rejection-appeal.js';
import { extendMediationDeadline } from '../../use-cases/cases/extend-mediation-deadline.js';
import { findDuplicateCases } from '../../use-cases/cases/find-duplicate-cases.js';
import { getCase } from '../../use-cases/cases/get-case.js';
import { listCases } from '../../use-cases/cases/list-cases.js';
import { recordExtensionConsent } from '../../use-cases/cases/record-extension-consent.js';
import { rejectCase } from '../../use-cases/cases/reject-case.js';
import { submitCase } from '../../use-cases/cases/submit-case.js';
import { withdrawCase } from '../../use-cases/cases/withdraw-case.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

/** The case version a write is based on: the body's `version`, or an If-Match header. */
export const versionField = z.number().int().min(1).optional();

export function requireCaseVersion(req: FastifyRequest, bodyVersion: number | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(req.headers['if-match'] ?? '').trim());
  if (!m) throw new AppError('VALIDATION_FAILED', { field: 'version' });
  return Number(m[1]);
}

export const caseIdParams = z.strictObject({ id: z.string().max(64) });
export const reasonField = z.string().trim().min(1).max(4000);
export const transitionResult = z.object({
  id: z.string(),
  status: z.enum(caseStatuses),
  version: z.number(),
});

const moneySchema = z.object({ amount: z.string(), currency: z.string() }).nullable();

const partyInput = z.strictObject({
  role: z.enum(['applicant', 'respondent']),
  kind: z.enum(['person', 'organization']),
  name: z.string().trim().min(1).max(200),
  country: z.string().length(2),
  languages: z.array(z.string().min(2).max(3)).min(1).max(12),
  preferredLanguage: z.string().min(2).max(3),
  email: z.email().max(254).optional(),
  phone: z.string().trim().min(3).max(40).optional(),
  idDocument: z
    .strictObject({
      type: z.enum(['passport', 'national_id', 'residence_permit', 'business_licence', 'other']),
      number: z.string().trim().min(2).max(64),
    })
    .optional(),
  address: z.string().trim().max(500).optional(),
  agentName: z.string().trim().max(200).optional(),
});

const intakeBody = z.strictObject({
  orgSlug: z.string().min(1).max(100).optional(),
  category: z.enum(caseCategories),
  summary: z.string().trim().min(1).max(500),
  description: z.string().trim().min(1).max(20_000),
  claimedAmount: z
    .strictObject({ amount: z.string().max(32), currency: z.string().max(3) })
    .optional(),
  source: z.enum(caseSources).default('application'),
  referringCourtId: z.uuid().optional(),
  isMaritime: z.boolean().optional(),
  parties: z.array(partyInput).min(2).max(20),
  consents: z.array(z.enum(intakeConsentKinds)).max(intakeConsentKinds.length),
});

const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(caseStatuses),
  category: z.string(),
  nationalCategory: z.string(),
  source: z.string(),
  summary: z.string(),
  claimedAmount: moneySchema,
  hasForeignParty: z.boolean(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  mediationDueAt: z.string().nullable(),
  overdue: z.boolean(),
  parties: z.array(z.object({ role: z.string(), name: z.string(), country: z.string() })),
  version: z.number(),
});

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listQuery = z.strictObject({
  status: z.enum(caseStatuses).optional(),
  category: z.enum(caseCategories).optional(),
  language: z.string().min(2).max(3).optional(),
  country: z.string().length(2).optional(),
  mediatorId: z.uuid().optional().describe('Cases on which this mediator sits on the team'),
  overdue: z.enum(['true', 'false']).optional(),
  due: z
    .enum(['overdue', 'week'])
    .optional()
    .describe(
      'Open cases (accepted, in mediation) by mediation deadline: already passed, or due within the next 7 days',
    ),
  submittedFrom: dateString.optional(),
  submittedTo: dateString.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  lang: z.string().max(10).optional(),
});
const listResponse = z.object({
  items: z.array(
    caseSummary.extend({
      unreadMessages: z
        .number()
        .int()
        .describe(
          "Messages by others the caller has not read yet, across the case thread's channels the caller may read",
        ),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/**
 * The case page as it leaves the server: every field getCase returns, and nothing else (plain
 * objects strip what is not declared). Keys are serialised in this order, which is the order the
 * page has always had on the wire: keep it when adding a field.
 */
export const caseDetail = caseSummary.extend({
  description: z.string(),
  relations: z.array(z.string()),
  parties: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      kind: z.string(),
      name: z.string(),
      country: z.string(),
      languages: z.array(z.string()),
      preferredLanguage: z.string(),
      email: z.string().nullable(),
      phoneMasked: z.string().nullable(),
      idDocument: z.object({ type: z.string(), numberMasked: z.string().nullable() }).nullable(),
      isForeign: z.boolean(),
      address: z.string().nullable(),
      agentName: z.string().nullable(),
      isYou: z.boolean(),
    }),
  ),
  team: z.array(
    z.object({
      mediatorId: z.string(),
      role: z.string(),
      displayName: z.string(),
      kind: z.string(),
      nationality: z.string(),
      /** The member's sign-in account (committee staff and the team only; null for parties). */
      userId: z.string().nullable(),
      assignedAt: z.string(),
    }),
  ),
  deadlines: z.object({
    mediationDueAt: z.string().nullable(),
    extensions: z.array(
      z.object({
        seq: z.number(),
        newDueAt: z.string(),
        previousDueAt: z.string(),
        reason: z.string(),
        at: z.string(),
      }),
    ),
  }),
  agreement: z
    .object({
      id: z.string(),
      version: z.number(),
      status: z.string(),
      oral: z.boolean(),
      amount: moneySchema,
      effectiveAt: z.string().nullable(),
      content: z.unknown(),
    })
    .nullable(),
  courtFilings: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.string(),
      courtId: z.string(),
      courtName: z.string(),
      filedAt: z.string(),
      acceptedAt: z.string().nullable(),
      courtCaseNumber: z.string().nullable(),
      result: z.string().nullable(),
      resultAt: z.string().nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: z.string(),
      dueOn: z.string(),
      doneAt: z.string().nullable(),
      method: z.string().nullable(),
      satisfaction: z.number().nullable(),
    }),
  ),
  instalments: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      dueOn: z.string(),
      amount: moneySchema,
      paid: moneySchema,
      status: z.string(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      instalmentId: z.string().nullable(),
      amount: moneySchema,
      amountCny: moneySchema,
      paidOn: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      actor: z.string(),
      at: z.string(),
      // Staff only: absent for everyone else.
      summary: z.unknown().optional(),
    }),
  ),
  allowedActions: z.array(z.string()),
  isMaritime: z.boolean(),
  referringCourtId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  concludedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  agreedAmount: moneySchema,
  objections: z.array(
    z.object({
      id: z.string(),
      partyId: z.string(),
      mediatorId: z.string(),
      reason: z.string(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  appeal: z
    .object({
      reason: z.string(),
      createdAt: z.string(),
      decision: z.string().nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
});

export function registerCaseRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/cases',
    {
      config: { public: true },
      schema: {
        tags: ['cases'],
        summary:
          'Apply for mediation (no account needed). Staff of the committee may also enter walk-in, own-initiative and referred cases.',
        body: intakeBody,
        response: {
          201: z.object({
            id: z.string(),
            reference: z.string(),
            status: z.literal('submitted'),
            version: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await submitCase(deps, { actor: req.actor, input: req.body, ip: req.ip });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'List the cases the caller may see, newest first, with filters and search',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => {
      const { overdue, lang: _lang, ...query } = req.query;
      return listCases(deps, {
        actor: requireActor(req),
        query: { ...query, overdue: overdue === 'true' },
      });
    },
  );

  app.get(
    '/api/v1/me/cases',
    {
      schema: {
        tags: ['cases'],
        summary: "The caller's own assignments as a team member (mediators)",
        querystring: listQuery.omit({ mediatorId: true }),
        response: { 200: listResponse },
      },
    },
    async (req) => {
      const { overdue, lang: _lang, ...query } = req.query;
      return listCases(deps, {
        actor: requireActor(req),
        query: { ...query, overdue: overdue === 'true', mine: true },
      });
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary:
          'A case with parties (personal data masked), team, deadlines, agreement, filings, follow-ups, payments, timeline and the actions open to the caller',
        params: caseIdParams,
        response: { 200: caseDetail },
      },
    },
    async (req) => getCase(deps, { actor: requireActor(req), caseId: req.params.id }),
  );

  app.get(
    '/api/v1/cases/:id/duplicates',
    {
      schema: {
        tags: ['cases'],
        summary: 'Possible duplicates: cases sharing a party within the last 90 days',
        params: caseIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                caseId: z.string(),
                reference: z.string(),
                status: z.string(),
                submittedAt: z.string(),
                matches: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: await findDuplicateCases(deps, { actor: requireActor(req), caseId: req.params.id }),
    }),
  );

  const decisionBody = z.strictObject({ version: versionField, reason: reasonField });
  for (const [verb, run, summary] of [
    ['accept', acceptCase, 'Accept an application, with reasons (officer)'],
    ['reject', rejectCase, 'Reject an application, with reasons (officer)'],
    ['withdraw', withdrawCase, 'Withdraw the case (the applicant, or an officer on their behalf)'],
    ['appeal', appealRejection, 'Appeal a rejection to the director, once (a party)'],
  ] as const) {
    app.post(
      `/api/v1/cases/:id/${verb}`,
      {
        schema: {
          tags: ['cases'],
          summary,
          params: caseIdParams,
          body: decisionBody,
          response: { 200: transitionResult },
        },
      },
      async (req) => {
        const r = await run(deps, {
          actor: requireActor(req),
          caseId: req.params.id,
          version: requireCaseVersion(req, req.body.version),
          reason: req.body.reason,
        });
        return { id: req.params.id, status: r.status, version: r.version };
      },
    );
  }

  app.post(
    '/api/v1/cases/:id/appeal/decision',
    {
      schema: {
        tags: ['cases'],
        summary: "The director's decision on a rejection appeal: overturn (accept) or uphold",
        params: caseIdParams,
        body: z.strictObject({
          version: versionField,
          decision: z.enum(['overturn', 'uphold']),
          reason: reasonField,
        }),
        response: { 200: transitionResult },
      },
    },
    async (req) => {
      const r = await decideRejectionAppeal(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        version: requireCaseVersion(req, req.body.version),
        decision: req.body.decision,
        reason: req.body.reason,
      });
      return { id: req.params.id, status: r.status, version: r.version };
    },
  );

  app.post(
    '/api/v1/cases/:id/extension-consents',
    {
      schema: {
        tags: ['cases'],
        summary:
          "Record a party's consent to extending the mediation period (the party itself, or an officer on its behalf with partyId)",
        params: caseIdParams,
        body: z.strictObject({ partyId: z.uuid().optional() }),
        response: {
          201: z.object({ consentId: z.string(), kind: z.string(), created: z.boolean() }),
        },
      },
    },
    async (req, reply) => {
      const r = await recordExtensionConsent(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        partyId: req.body.partyId,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:id/extend',
    {
      schema: {
        tags: ['cases'],
        summary: 'Extend the mediation period; needs the recorded consent of every party',
        params: caseIdParams,
        body: z.strictObject({
          version: versionField,
          days: z.number().int().min(1).max(90),
          reason: reasonField,
        }),
        response: { 200: transitionResult.extend({ mediationDueAt: z.string() }) },
      },
    },
    async (req) => {
      const r = await extendMediationDeadline(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        version: requireCaseVersion(req, req.body.version),
        days: req.body.days,
        reason: req.body.reason,
      });
      return {
        id: req.params.id,
        status: r.status,
        version: r.version,
        mediationDueAt: r.mediationDueAt,
      };
    },
  );
}
