import { z } from 'zod';
import { getCasePerformance } from '../../use-cases/performance/get-case-performance.js';
import { disputePaymentReport } from '../../use-cases/performance/dispute-payment-report.js';
import { reportPayment } from '../../use-cases/performance/report-payment.js';
import { verifyPaymentReport } from '../../use-cases/performance/verify-payment-report.js';
import { markBreachedCases } from '../../use-cases/performance/mark-breached-cases.js';
import { recordFollowUp, followUpMethods } from '../../use-cases/performance/record-follow-up.js';
import { recordPayment } from '../../use-cases/performance/record-payment.js';
import { referToPolice } from '../../use-cases/performance/refer-to-police.js';
import { declareBreach } from '../../use-cases/performance/declare-breach.js';
import { fulfilCase } from '../../use-cases/performance/fulfil-case.js';
import { startPerformance } from '../../use-cases/performance/start-performance.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { requireCaseVersion } from './case-routes.js';

/** The case version last read, in the body or an If-Match header; stale → 409 VERSION_CONFLICT. */
const version = z.number().int().min(1).optional();

const caseParams = z.strictObject({ caseId: z.string().max(64) });

export function registerPerformanceRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:caseId/performance',
    {
      schema: {
        tags: ['performance'],
        summary: 'Instalments, payments (with CNY at the payment-day rate), follow-ups',
        params: caseParams,
        response: {
          200: z.object({
            status: z.string(),
            caseVersion: z.number(),
            agreementId: z.string().nullable(),
            currency: z.string().nullable(),
            outstanding: z.string().nullable(),
            recoveredCny: z.string(),
            instalments: z.array(
              z.object({
                id: z.string(),
                agreementId: z.string(),
                seq: z.number(),
                dueOn: z.string(),
                amount: z.string(),
                paid: z.string(),
                currency: z.string(),
                status: z.string(),
              }),
            ),
            payments: z.array(
              z.object({
                id: z.string(),
                instalmentId: z.string().nullable(),
                amount: z.string(),
                currency: z.string(),
                amountCny: z.string(),
                fxRate: z.string(),
                paidOn: z.string(),
                recordedAt: z.string(),
              }),
            ),
            paymentReports: z.array(
              z.object({
                id: z.string(),
                partyId: z.string(),
                amount: z.string(),
                currency: z.string(),
                paidOn: z.string(),
                instalmentId: z.string().nullable(),
                note: z.string().nullable(),
                document: z.object({ id: z.string(), filename: z.string(), mediaType: z.string() }),
                status: z.enum(['reported', 'verified', 'disputed']),
                reportedAt: z.string(),
                decidedAt: z.string().nullable(),
                disputeReason: z.string().nullable(),
                paymentId: z.string().nullable(),
              }),
            ),
            followUps: z.array(
              z.object({
                id: z.string(),
                dueOn: z.string(),
                doneAt: z.string().nullable(),
                method: z.string().nullable(),
                notes: z.string().nullable(),
                satisfaction: z.number().nullable(),
              }),
            ),
            policeReferrals: z.array(
              z.object({ id: z.string(), reason: z.string(), referredAt: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) =>
      getCasePerformance(deps, { actor: requireActor(req), caseId: req.params.caseId }),
  );

  app.post(
    '/api/v1/cases/:caseId/payments',
    {
      schema: {
        tags: ['performance'],
        summary: 'Record a payment received; CNY fixed at the rate of the payment day',
        params: caseParams,
        body: z.strictObject({
          version,
          amount: z.strictObject({ amount: z.string().max(32), currency: z.string().max(3) }),
          paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          instalmentId: z.uuid().optional(),
        }),
        response: {
          201: z.object({
            paymentId: z.string(),
            amountCnyMinor: z.number(),
            fxRate: z.string(),
            status: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await recordPayment(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        amount: req.body.amount.amount,
        currency: req.body.amount.currency,
        paidOn: req.body.paidOn,
        instalmentId: req.body.instalmentId,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/payment-reports',
    {
      schema: {
        tags: ['performance'],
        summary: 'A party reports a payment it made, with its bank slip',
        description:
          'The slip is a piece of evidence the party uploaded to the case (POST /cases/:id/documents); `documentId` names it. The report counts towards nothing until an officer verifies it.',
        params: caseParams,
        body: z.strictObject({
          amount: z.strictObject({ amount: z.string().max(32), currency: z.string().max(3) }),
          paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          instalmentId: z.uuid().optional(),
          note: z.string().trim().min(1).max(4000).optional(),
          documentId: z.uuid(),
        }),
        response: {
          201: z.object({ id: z.string(), status: z.literal('reported'), reportedAt: z.string() }),
        },
      },
    },
    async (req, reply) => {
      const r = await reportPayment(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        amount: req.body.amount.amount,
        currency: req.body.amount.currency,
        paidOn: req.body.paidOn,
        instalmentId: req.body.instalmentId,
        note: req.body.note,
        documentId: req.body.documentId,
      });
      return reply.status(201).send(r);
    },
  );

  const reportParams = z.strictObject({ caseId: z.string().max(64), reportId: z.uuid() });
  app.post(
    '/api/v1/cases/:caseId/payment-reports/:reportId/verify',
    {
      schema: {
        tags: ['performance'],
        summary: 'Verify a reported payment: it is recorded, fixed in CNY at the payment-day rate',
        params: reportParams,
        body: z.strictObject({ version }),
        response: {
          200: z.object({
            reportId: z.string(),
            paymentId: z.string(),
            amountCnyMinor: z.number(),
            fxRate: z.string(),
            status: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req) =>
      verifyPaymentReport(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        reportId: req.params.reportId,
        expectedVersion: requireCaseVersion(req, req.body.version),
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/payment-reports/:reportId/dispute',
    {
      schema: {
        tags: ['performance'],
        summary: 'Dispute a reported payment, with the reason the reporting party is told',
        params: reportParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(4000) }),
        response: {
          200: z.object({
            reportId: z.string(),
            status: z.literal('disputed'),
            decidedAt: z.string(),
          }),
        },
      },
    },
    async (req) =>
      disputePaymentReport(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        reportId: req.params.reportId,
        reason: req.body.reason,
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/follow-ups/:followUpId',
    {
      schema: {
        tags: ['performance'],
        summary: 'Record the follow-up visit (回访)',
        params: z.strictObject({ caseId: z.string().max(64), followUpId: z.uuid() }),
        body: z.strictObject({
          version,
          method: z.enum(followUpMethods),
          notes: z.string().trim().min(1).max(4000),
          satisfaction: z.number().int().min(1).max(5).optional(),
        }),
        response: {
          200: z.object({
            followUpId: z.string(),
            doneAt: z.string(),
            status: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req) =>
      recordFollowUp(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        followUpId: req.params.followUpId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        method: req.body.method,
        notes: req.body.notes,
        satisfaction: req.body.satisfaction,
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/police-referrals',
    {
      schema: {
        tags: ['performance'],
        summary: 'Refer suspected fraud to the police (警调联动)',
        params: caseParams,
        body: z.strictObject({ version, reason: z.string().trim().min(1).max(4000) }),
        response: {
          201: z.object({
            policeReferralId: z.string(),
            referredAt: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await referToPolice(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        reason: req.body.reason,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/performance/mark-breached',
    {
      schema: {
        tags: ['performance'],
        summary:
          "Mark breached the caller's organisations' cases with an instalment unpaid past the grace period",
        body: z.strictObject({}).optional(),
        response: {
          200: z.object({
            breachedCaseIds: z.array(z.string()),
            skippedCaseIds: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => markBreachedCases(deps, { actor: requireActor(req) }),
  );
  const stateResult = z.object({ status: z.string(), caseVersion: z.number() });
  app.post(
    '/api/v1/cases/:caseId/performance/start',
    {
      schema: {
        tags: ['performance'],
        summary: 'Record that performance has begun where no payment shows it',
        params: caseParams,
        body: z.strictObject({ version, note: z.string().trim().min(1).max(4000) }),
        response: { 200: stateResult },
      },
    },
    async (req) =>
      startPerformance(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        note: req.body.note,
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/performance/breach',
    {
      schema: {
        tags: ['performance'],
        summary: 'Declare the agreement breached, with the reason (officer)',
        params: caseParams,
        body: z.strictObject({ version, reason: z.string().trim().min(1).max(4000) }),
        response: { 200: stateResult },
      },
    },
    async (req) =>
      declareBreach(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        reason: req.body.reason,
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/performance/fulfil',
    {
      schema: {
        tags: ['performance'],
        summary: 'Close as fulfilled: every instalment paid and the follow-up visit done (officer)',
        params: caseParams,
        body: z.strictObject({ version }),
        response: { 200: stateResult },
      },
    },
    async (req) =>
      fulfilCase(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
      }),
  );
}
