import { z } from 'zod';
import { agreementContent } from '../../domain/agreement-content.js';
import { approveAgreementTranslation } from '../../use-cases/agreements/approve-agreement-translation.js';
import { attestAgreementSightTranslation } from '../../use-cases/agreements/attest-agreement-sight-translation.js';
import { confirmAgreementPoint } from '../../use-cases/agreements/confirm-agreement-point.js';
import { draftAgreement } from '../../use-cases/agreements/draft-agreement.js';
import { finaliseAgreement } from '../../use-cases/agreements/finalise-agreement.js';
import { listCaseAgreements } from '../../use-cases/agreements/list-case-agreements.js';
import { recordFailedOutcome } from '../../use-cases/agreements/record-failed-outcome.js';
import { requestAgreementTranslation } from '../../use-cases/agreements/request-agreement-translation.js';
import { reviseAgreement } from '../../use-cases/agreements/revise-agreement.js';
import { sealAgreement } from '../../use-cases/agreements/seal-agreement.js';
import { signAgreement, signatureMethods } from '../../use-cases/agreements/sign-agreement.js';
import { assignTranslation } from '../../use-cases/translations/assign-translation.js';
import { requireActor } from '../authenticate-request.js';
import {
  languageCode,
  sightTranslationBody,
  sightTranslationResponse,
  translationRequestBody,
  translationRequestResponse,
} from './translation-schemas.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { requireCaseVersion } from './case-routes.js';

/** The case version last read, in the body or an If-Match header; stale → 409 VERSION_CONFLICT. */
const version = z.number().int().min(1).optional();

const caseParams = z.strictObject({ caseId: z.string().max(64) });
const agreementParams = z.strictObject({
  caseId: z.string().max(64),
  agreementId: z.uuid(),
});
const caseVersionResponse = z.object({ caseVersion: z.number() });

const localizedTextOut = z.object({
  lang: z.string(),
  text: z.string(),
  translations: z.record(z.string(), z.string()),
});
const agreementView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.string(),
  oral: z.boolean(),
  supersedesId: z.string().nullable(),
  content: z.object({
    facts: localizedTextOut,
    disputedMatters: localizedTextOut,
    responsibilities: localizedTextOut,
    points: z.array(z.object({ no: z.number(), text: localizedTextOut })),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    performanceMethod: localizedTextOut,
    instalments: z.array(z.object({ seq: z.number(), dueOn: z.string(), amount: z.string() })),
    prevailingLanguage: z.string(),
  }),
  textHash: z.string().nullable(),
  textUnchanged: z.boolean().nullable(),
  amountCnyMinor: z.number().nullable(),
  fxRate: z.string().nullable(),
  sealedAt: z.string().nullable(),
  effectiveAt: z.string().nullable(),
  createdAt: z.string(),
  parties: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      name: z.string(),
      country: z.string(),
      pointsConfirmed: z.array(z.number()),
    }),
  ),
  signatures: z.array(
    z.object({
      signerKind: z.string(),
      partyId: z.string().nullable(),
      mediatorId: z.string().nullable(),
      signerName: z.string(),
      method: z.string(),
      signedAt: z.string(),
      textHash: z.string(),
    }),
  ),
  translations: z.array(
    z.object({
      section: z.string(),
      language: z.string(),
      method: z.enum(['human', 'machine']),
      translatorName: z.string(),
      translatorUserId: z.string().nullable(),
      createdAt: z.string(),
      approved: z.boolean(),
      approvedName: z.string().nullable(),
    }),
  ),
  sightTranslations: z.array(
    z.object({
      id: z.string(),
      partyId: z.string(),
      language: z.string(),
      interpreterKind: z.string(),
      interpreterName: z.string(),
      interpretedAt: z.string(),
      confirmed: z.boolean(),
    }),
  ),
  readability: z.array(
    z.object({
      partyId: z.string(),
      languages: z.array(z.string()),
      missingSections: z.array(z.string()),
    }),
  ),
  translationStatus: z.array(
    z.object({
      language: z.string(),
      missingSections: z.array(z.string()),
      assignee: z.object({ userId: z.string(), name: z.string() }).nullable(),
    }),
  ),
});

/** Credit for new or changed translations into a language: an outside translator, or a machine. */
const translatedBy = z
  .record(
    languageCode,
    z.strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      method: z.enum(['human', 'machine']).optional(),
    }),
  )
  .optional();
const sectionKey = z
  .string()
  .regex(/^(facts|disputedMatters|responsibilities|performanceMethod|points\.[1-9][0-9]?)$/);

/** What drafting or revising answers: the new agreement version and the case's next version. */
const agreementVersionResponse = z.object({
  agreementId: z.string(),
  agreementVersion: z.number(),
  caseVersion: z.number(),
});

export function registerAgreementRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:caseId/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Every version of the agreement, with confirmations and signatures',
        params: caseParams,
        response: { 200: z.object({ items: z.array(agreementView) }) },
      },
    },
    async (req) => ({
      items: await listCaseAgreements(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
      }),
    }),
  );

  app.post(
    '/api/v1/cases/:caseId/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Draft the agreement from the team proposal (Art. 29 contents); oral agreements and corrections of the agreement in effect too',
        params: caseParams,
        body: z.strictObject({
          version,
          content: agreementContent,
          translatedBy,
          oral: z.boolean().optional(),
          supersedesId: z.uuid().optional(),
        }),
        response: {
          201: agreementVersionResponse,
        },
      },
    },
    async (req, reply) => {
      const r = await draftAgreement(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        content: req.body.content,
        translatedBy: req.body.translatedBy,
        oral: req.body.oral,
        supersedesId: req.body.supersedesId,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/revisions',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Edit a draft or a frozen text not yet sealed: creates the next version (a draft); the previous one is kept as superseded, with its confirmations and signatures, which no longer count',
        params: agreementParams,
        body: z.strictObject({ version, content: agreementContent, translatedBy }),
        response: {
          201: agreementVersionResponse,
        },
      },
    },
    async (req, reply) => {
      const r = await reviseAgreement(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        content: req.body.content,
        translatedBy: req.body.translatedBy,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/finalise',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Freeze the text and compute its SHA-256 (text_hash); refused with TRANSLATION_MISSING while a party can read part of it in none of their languages, unless sightTranslation declares that an interpreter will translate it for them',
        params: agreementParams,
        body: z.strictObject({ version, sightTranslation: z.boolean().optional() }),
        response: {
          200: z.object({ agreementId: z.string(), textHash: z.string(), caseVersion: z.number() }),
        },
      },
    },
    async (req) =>
      finaliseAgreement(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        sightTranslation: req.body.sightTranslation,
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/sight-translations',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'An interpreter of the team attests a sight translation of the frozen text for one party, into a language that party reads; the party may then confirm and sign',
        params: agreementParams,
        body: sightTranslationBody,
        response: { 201: sightTranslationResponse },
      },
    },
    async (req, reply) => {
      const r = await attestAgreementSightTranslation(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        partyId: req.body.partyId,
        language: req.body.language,
        interpretedAt: req.body.interpretedAt,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/translation-requests',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'A party asks for the agreement in one of their languages (their preferred one by default); the team and the officers are notified once per version and language',
        params: agreementParams,
        body: translationRequestBody,
        response: { 202: translationRequestResponse },
      },
    },
    async (req, reply) => {
      const r = await requestAgreementTranslation(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        language: req.body.language,
      });
      return reply.status(202).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/translation-approvals',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'A named person of the team approves a machine translation of one section or point; until then it counts for no party',
        params: agreementParams,
        body: z.strictObject({ section: sectionKey, language: languageCode }),
        response: {
          200: z.object({ section: z.string(), language: z.string(), approvedAt: z.string() }),
        },
      },
    },
    async (req) =>
      approveAgreementTranslation(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        section: req.body.section,
        language: req.body.language,
      }),
  );

  app.put(
    '/api/v1/cases/:caseId/translation-assignments/:language',
    {
      schema: {
        tags: ['agreements'],
        summary:
          "Assign the translation into one of the parties' languages to a member of the case's team (the translation checklist)",
        params: z.strictObject({ caseId: z.string().max(64), language: languageCode }),
        body: z.strictObject({ assigneeUserId: z.uuid() }),
        response: {
          200: z.object({
            language: z.string(),
            assignee: z.object({ userId: z.string(), name: z.string() }),
          }),
        },
      },
    },
    async (req) =>
      assignTranslation(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        language: req.params.language,
        assigneeUserId: req.body.assigneeUserId,
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/confirmations',
    {
      schema: {
        tags: ['agreements'],
        summary: 'A party confirms one consensus point of the final text ("三必")',
        params: agreementParams,
        body: z.strictObject({
          version,
          partyId: z.uuid(),
          pointNo: z.number().int().min(1).max(100),
        }),
        response: {
          201: z.object({ caseVersion: z.number(), partyConfirmedAllPoints: z.boolean() }),
        },
      },
    },
    async (req, reply) => {
      const r = await confirmAgreementPoint(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        partyId: req.body.partyId,
        pointNo: req.body.pointNo,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/signatures',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Sign the final text as a party (after confirming every point) or as a team mediator',
        params: agreementParams,
        body: z.strictObject({
          version,
          signer: z.enum(['party', 'mediator']),
          partyId: z.uuid().optional(),
          method: z.enum(signatureMethods).optional(),
        }),
        response: {
          201: z.object({
            signatureId: z.string(),
            textHash: z.string(),
            signedAt: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await signAgreement(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        signer: req.body.signer,
        partyId: req.body.partyId,
        method: req.body.method,
        ip: req.ip,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/agreements/:agreementId/seal',
    {
      schema: {
        tags: ['agreements'],
        summary: "Apply the committee's seal: the agreement takes effect and the case is agreed",
        params: agreementParams,
        body: z.strictObject({ version }),
        response: {
          200: z.object({
            agreementId: z.string(),
            effectiveAt: z.string(),
            textHash: z.string(),
            amountCnyMinor: z.number().nullable(),
            fxRate: z.string().nullable(),
            followUpId: z.string(),
            followUpDueOn: z.string(),
            caseVersion: z.number(),
          }),
        },
      },
    },
    async (req) =>
      sealAgreement(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        agreementId: req.params.agreementId,
        expectedVersion: requireCaseVersion(req, req.body.version),
      }),
  );

  app.post(
    '/api/v1/cases/:caseId/outcome/failed',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Conclude the mediation as failed, with the reason',
        params: caseParams,
        body: z.strictObject({ version, reason: z.string().trim().min(1).max(4000) }),
        response: {
          200: caseVersionResponse.extend({ status: z.string(), concludedAt: z.string() }),
        },
      },
    },
    async (req) =>
      recordFailedOutcome(deps, {
        actor: requireActor(req),
        caseId: req.params.caseId,
        expectedVersion: requireCaseVersion(req, req.body.version),
        reason: req.body.reason,
      }),
  );
}
