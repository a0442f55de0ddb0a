import { z } from 'zod';
import { fileConfirmationApplication } from '../../use-cases/court/file-confirmation-application.js';
import { getConfirmationSuggestion } from '../../use-cases/court/get-confirmation-suggestion.js';
import { listReferralCourts } from '../../use-cases/court/list-referral-courts.js';
import { listCaseCourtFilings, listCourtDocket } from '../../use-cases/court/list-court-filings.js';
import { recordCourtAcceptance } from '../../use-cases/court/record-court-acceptance.js';
import {
  confirmationResults,
  litigationResults,
  recordCourtResult,
} from '../../use-cases/court/record-court-result.js';
import { referToLitigation } from '../../use-cases/court/refer-to-litigation.js';
import { reopenMediation } from '../../use-cases/court/reopen-mediation.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { requireCaseVersion } from './case-routes.js';

/** The case version last read, in the body or an If-Match header; stale → 409 VERSION_CONFLICT. */
const version = z.number().int().min(1).optional();

const caseParams = z.strictObject({ caseId: z.string().max(64) });
const filingParams = z.strictObject({ filingId: z.uuid() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const filingView = z.object({
  id: z.string(),
  caseId: z.string(),
  courtId: z.string(),
  kind: z.string(),
  status: z.string(),
  agreementId: z.string().nullable(),
  reason: z.string().nullable(),
  package: z.unknown(),
  filedAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedLate: z.boolean().nullable(),
  courtCaseNumber: z.string().nullable(),
  result: z.string().nullable(),
  resultAt: z.string().nullable(),
  resultNotes: z.string().nullable(),
});

export function registerCourtRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:caseId/confirmation/suggested-court',
    {
      schema: {
        tags: ['court'],
        summary:
          'Courts eligible for judicial confirmation (suggested first) and the 30-day window with days left',
        params: caseParams,
        response: {
          200: z.object({
            agreementId: z.string(),
            effectiveAt: z.string(),
            window: z.object({
              deadline: z.string(),
              daysLeft: z.number(),
              open: z.boolean(),
              warning: z.boolean(),
            }),
            courts: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                nameEn: z.string(),
                kind: z.string(),
                reason: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      getConfirmationSuggestion(deps, { actor: requireActor(req), caseId: req.params.caseId }),
  );

  app.post(
    '/api/v1/cases/:caseId/confirmation-filings',
    {
      schema: {
        tags: ['court'],
        summary:
          "File the parties' joint application for judicial confirmation (within 30 days of the agreement taking effect)",
        params: caseParams,
        body: z.strictObject({
          version,
          courtId: z.uuid(),
          applicantPartyIds: z.array(z.uuid()).min(2).max(50),
          applicationDate: date,
        }),
        response: {
          201: z.object({
            filingId: z.string(),
            courtId: z.string(),
            deadline: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await fileConfirmationApplication(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        courtId: req.body.courtId,
        applicantPartyIds: req.body.applicantPartyIds,
        applicationDate: req.body.applicationDate,
      });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/cases/:caseId/referral/courts',
    {
      schema: {
        tags: ['court'],
        summary:
          "The committee's courts a case may be referred to for litigation, the competent ones first with their reason",
        params: caseParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                nameEn: z.string(),
                kind: z.string(),
                reason: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: await listReferralCourts(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
      }),
    }),
  );

  app.post(
    '/api/v1/cases/:caseId/referrals',
    {
      schema: {
        tags: ['court'],
        summary:
          'Refer a failed case or a breached agreement to a court for litigation (诉调对接), with the case package',
        params: caseParams,
        body: z.strictObject({
          version,
          courtId: z.uuid(),
          reason: z.string().trim().min(1).max(4000),
        }),
        response: {
          201: z.object({ filingId: z.string(), status: z.string(), caseVersion: z.number() }),
        },
      },
    },
    async (req, reply) => {
      const r = await referToLitigation(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        courtId: req.body.courtId,
        reason: req.body.reason,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/reopen-mediation',
    {
      schema: {
        tags: ['court'],
        summary: 'Resume mediation after the court rejected judicial confirmation',
        params: caseParams,
        body: z.strictObject({ version, reason: z.string().trim().min(1).max(4000) }),
        response: { 200: z.object({ status: z.string(), caseVersion: z.number() }) },
      },
    },
    async (req) =>
      reopenMediation(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        reason: req.body.reason,
      }),
  );

  app.get(
    '/api/v1/cases/:caseId/court-filings',
    {
      schema: {
        tags: ['court'],
        summary: 'Court filings of the case (confirmation and litigation)',
        params: caseParams,
        response: { 200: z.object({ items: z.array(filingView) }) },
      },
    },
    async (req) => ({
      items: await listCaseCourtFilings(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
      }),
    }),
  );

  app.get(
    '/api/v1/court-filings',
    {
      schema: {
        tags: ['court'],
        summary: "A court liaison's docket: filings made with the liaison's court",
        querystring: z.strictObject({
          status: z.enum(['filed', 'accepted', 'confirmed', 'rejected', 'decided']).optional(),
          lang: z.string().max(10).optional(),
        }),
        response: {
          200: z.object({ items: z.array(filingView.extend({ caseReference: z.string() })) }),
        },
      },
    },
    async (req) => ({
      items: await listCourtDocket(deps, { actor: requireActor(req), status: req.query.status }),
    }),
  );

  app.post(
    '/api/v1/court-filings/:filingId/acceptance',
    {
      schema: {
        tags: ['court'],
        summary:
          "The court's liaison records acceptance and the court case number (调确字 for confirmations); late acceptance is flagged",
        params: filingParams,
        body: z.strictObject({
          courtCaseNumber: z.string().trim().min(1).max(200),
          acceptedAt: z.iso.datetime().optional(),
        }),
        response: {
          200: z.object({
            filingId: z.string(),
            status: z.string(),
            acceptedAt: z.string(),
            acceptedLate: z.boolean(),
          }),
        },
      },
    },
    async (req) =>
      recordCourtAcceptance(deps, {
        actor: requireActor(req),
        filingId: req.params.filingId,
        courtCaseNumber: req.body.courtCaseNumber,
        acceptedAt: req.body.acceptedAt,
      }),
  );

  app.post(
    '/api/v1/court-filings/:filingId/result',
    {
      schema: {
        tags: ['court'],
        summary:
          "The court's liaison records the result: confirmed | rejected (confirmation) or the litigation outcome",
        params: filingParams,
        body: z.strictObject({
          result: z.enum([...confirmationResults, ...litigationResults]),
          notes: z.string().max(4000).optional(),
        }),
        response: {
          200: z.object({
            filingId: z.string(),
            status: z.string(),
            result: z.string(),
            resultAt: z.string(),
          }),
        },
      },
    },
    async (req) =>
      recordCourtResult(deps, {
        actor: requireActor(req),
        filingId: req.params.filingId,
        result: req.body.result,
        notes: req.body.notes,
      }),
  );
}
