import { z } from 'zod';
import { caseCategories } from '../../domain/dispute-categories.js';
import { mediatorKinds, proficiencies } from '../../domain/roles.js';
import {
  addAvailabilityException,
  exceptionKinds,
} from '../../use-cases/mediators/add-availability-exception.js';
import { createMediator } from '../../use-cases/mediators/create-mediator.js';
import { deactivateMediator } from '../../use-cases/mediators/deactivate-mediator.js';
import {
  declareMediatorRelationship,
  relationTypes,
  relationshipKinds,
} from '../../use-cases/mediators/declare-mediator-relationship.js';
import { exportMediatorsCsv } from '../../use-cases/mediators/export-mediators-csv.js';
import { importMediatorsCsv } from '../../use-cases/mediators/import-mediators-csv.js';
import { listDutyRota } from '../../use-cases/mediators/list-duty-rota.js';
import { listFreeSlots } from '../../use-cases/mediators/list-free-slots.js';
import { listMediatorRelationships } from '../../use-cases/mediators/list-mediator-relationships.js';
import { listMediators } from '../../use-cases/mediators/list-mediators.js';
import { recordAdmissionCheck } from '../../use-cases/mediators/record-admission-check.js';
import { recordedAdmissionItems } from '../../use-cases/mediators/admission-checklist.js';
import { removeAvailabilityException } from '../../use-cases/mediators/remove-availability-exception.js';
import { removeMediatorRelationship } from '../../use-cases/mediators/remove-mediator-relationship.js';
import { setDutyRotaDay } from '../../use-cases/mediators/set-duty-rota-day.js';
import { setWeeklyAvailability } from '../../use-cases/mediators/set-weekly-availability.js';
import { showAdmissionChecklist } from '../../use-cases/mediators/show-admission-checklist.js';
import { showMediator } from '../../use-cases/mediators/show-mediator.js';
import { updateMediator } from '../../use-cases/mediators/update-mediator.js';
import { requireActor } from '../authenticate-request.js';
import { readUploadedFile } from '../read-uploaded-file.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import { uploadAdmissionEvidence } from '../../use-cases/mediators/upload-admission-evidence.js';

const languageSchema = z.strictObject({
  code: z.string().regex(/^[a-zA-Z]{2,3}$/),
  proficiency: z.enum(proficiencies),
});
const profileFields = {
  displayName: z.string().trim().min(1).max(200),
  kind: z.enum(mediatorKinds),
  nationality: z.string().regex(/^[A-Za-z]{2}$/),
  languages: z.array(languageSchema).min(1).max(20),
  expertise: z.array(z.enum(caseCategories)).max(30),
  caseLimit: z.number().int().min(0).max(100),
  email: z.email().max(254).nullable(),
  phone: z.string().max(40).nullable(),
  bio: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/), z.string().max(2000)),
  timeZone: z.string().min(1).max(64),
};
const createBody = z.strictObject({
  ...profileFields,
  expertise: profileFields.expertise.default([]),
  caseLimit: profileFields.caseLimit.default(5),
  email: profileFields.email.default(null),
  phone: profileFields.phone.default(null),
  bio: profileFields.bio.default({}),
  timeZone: profileFields.timeZone.default('Asia/Shanghai'),
  userId: z.uuid().optional(),
});
const updateBody = z.strictObject({
  displayName: profileFields.displayName.optional(),
  kind: profileFields.kind.optional(),
  nationality: profileFields.nationality.optional(),
  languages: profileFields.languages.optional(),
  expertise: profileFields.expertise.optional(),
  caseLimit: profileFields.caseLimit.optional(),
  email: profileFields.email.optional(),
  phone: profileFields.phone.optional(),
  bio: profileFields.bio.optional(),
  timeZone: profileFields.timeZone.optional(),
});
const orgParams = z.strictObject({ orgId: z.uuid() });
const mediatorParams = z.strictObject({ id: z.string().max(64) });
const isoDate = z.iso.date();

export function registerMediatorRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/orgs/:orgId/mediators',
    {
      schema: {
        tags: ['mediators'],
        summary: 'Add a mediator to the roster (director, officer)',
        params: orgParams,
        body: createBody,
      },
    },
    async (req, reply) => {
      const { userId, ...input } = req.body;
      const m = await createMediator(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        input,
        userId: userId ?? null,
      });
      return reply.status(201).send(m);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/mediators',
    {
      schema: {
        tags: ['mediators'],
        summary: 'List the roster',
        params: orgParams,
        querystring: z.strictObject({
          kind: z.enum(mediatorKinds).optional(),
          language: z
            .string()
            .regex(/^[a-z]{2,3}$/)
            .optional(),
          active: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
        }),
      },
    },
    async (req) =>
      listMediators(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        kind: req.query.kind,
        language: req.query.language,
        active: req.query.active === undefined ? undefined : req.query.active === 'true',
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  );

  app.get(
    '/api/v1/orgs/:orgId/mediators/export.csv',
    { schema: { tags: ['mediators'], summary: 'Export the roster as CSV', params: orgParams } },
    async (req, reply) => {
      const csv = await exportMediatorsCsv(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="roster.csv"')
        .send(csv);
    },
  );

  // The CSV body is raw bytes (the encoding is detected), so this route lives in its own scope
  // with its own content-type parser, leaving every other route's parsing untouched.
  void app.register(async (scope) => {
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.addContentTypeParser(
      ['text/csv', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    typed.post(
      '/api/v1/orgs/:orgId/mediators/import',
      {
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags: ['mediators'],
          summary: 'Import roster rows from CSV (UTF-8 or GBK); answers a per-row report',
          params: orgParams,
          querystring: z.strictObject({
            encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
          }),
        },
      },
      async (req) =>
        importMediatorsCsv(deps, {
          actor: requireActor(req),
          orgId: req.params.orgId,
          bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.from(String(req.body ?? '')),
          encoding: req.query.encoding,
        }),
    );
  });

  // Admission documents arrive as multipart (one file), parsed only in this scope.
  void app.register(async (plain) => {
    await plain.register(multipart, {
      limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: true,
    });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    const ctx = { ...deps, store: openDocumentStore(deps.config) };
    scope.post(
      '/api/v1/mediators/:id/admission/evidence',
      {
        schema: {
          tags: ['mediators'],
          summary:
            'Upload an admission document (multipart, one file); cite it in a checklist item',
          params: mediatorParams,
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const file = await readUploadedFile(req);
        const doc = await uploadAdmissionEvidence(ctx, {
          actor,
          mediatorId: req.params.id,
          bytes: file.bytes,
          clientFilename: file.filename,
        });
        return reply.status(201).send(doc);
      },
    );
  });

  app.get(
    '/api/v1/mediators/:id',
    { schema: { tags: ['mediators'], summary: 'One mediator profile', params: mediatorParams } },
    async (req) => showMediator(deps, { actor: requireActor(req), mediatorId: req.params.id }),
  );

  app.patch(
    '/api/v1/mediators/:id',
    {
      schema: {
        tags: ['mediators'],
        summary: 'Edit a mediator profile (director, officer)',
        params: mediatorParams,
        body: updateBody,
      },
    },
    async (req) =>
      updateMediator(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        changes: req.body,
      }),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/v1/mediators/:id/${verb}`,
      { schema: { tags: ['mediators'], summary: `${verb} a mediator`, params: mediatorParams } },
      async (req) =>
        deactivateMediator(deps, { actor: requireActor(req), mediatorId: req.params.id, active }),
    );
  }

  app.get(
    '/api/v1/mediators/:id/relationships',
    { schema: { tags: ['mediators'], summary: 'Declared relationships', params: mediatorParams } },
    async (req) =>
      listMediatorRelationships(deps, { actor: requireActor(req), mediatorId: req.params.id }),
  );

  app.post(
    '/api/v1/mediators/:id/relationships',
    {
      schema: {
        tags: ['mediators'],
        summary: 'Declare a relationship with a company or person (conflict of interest)',
        params: mediatorParams,
        body: z.strictObject({
          kind: z.enum(relationshipKinds),
          name: z.string().trim().min(1).max(300),
          relation: z.enum(relationTypes),
        }),
      },
    },
    async (req, reply) => {
      const { nameKey: _nameKey, ...rel } = await declareMediatorRelationship(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        ...req.body,
      });
      return reply.status(201).send(rel);
    },
  );

  app.delete(
    '/api/v1/mediators/:id/relationships/:relationshipId',
    {
      schema: {
        tags: ['mediators'],
        params: z.strictObject({ id: z.string().max(64), relationshipId: z.uuid() }),
      },
    },
    async (req, reply) => {
      await removeMediatorRelationship(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        relationshipId: req.params.relationshipId,
      });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/v1/mediators/:id/availability/weekly',
    {
      schema: {
        tags: ['availability'],
        summary: "Replace the weekly on-call pattern (local times in the mediator's time zone)",
        params: mediatorParams,
        body: z.strictObject({
          slots: z
            .array(
              z.strictObject({
                weekday: z.number().int().min(1).max(7),
                start: z.string().regex(/^\d{2}:\d{2}$/),
                end: z.string().regex(/^\d{2}:\d{2}$/),
              }),
            )
            .max(50),
        }),
      },
    },
    async (req) =>
      setWeeklyAvailability(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        slots: req.body.slots,
      }),
  );

  app.post(
    '/api/v1/mediators/:id/availability/exceptions',
    {
      schema: {
        tags: ['availability'],
        summary: 'Record leave or travel (whole local days, inclusive)',
        params: mediatorParams,
        body: z.strictObject({
          kind: z.enum(exceptionKinds),
          startsOn: isoDate,
          endsOn: isoDate,
          note: z.string().max(500).nullable().optional(),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await addAvailabilityException(deps, {
          actor: requireActor(req),
          mediatorId: req.params.id,
          ...req.body,
        }),
      ),
  );

  app.delete(
    '/api/v1/mediators/:id/availability/exceptions/:exceptionId',
    {
      schema: {
        tags: ['availability'],
        params: z.strictObject({ id: z.string().max(64), exceptionId: z.uuid() }),
      },
    },
    async (req, reply) => {
      await removeAvailabilityException(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        exceptionId: req.params.exceptionId,
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/mediators/:id/availability',
    {
      schema: {
        tags: ['availability'],
        summary: 'Free slots between from and to (dates in the mediator’s zone, or instants)',
        params: mediatorParams,
        querystring: z.strictObject({
          from: z.string().min(10).max(40),
          to: z.string().min(10).max(40),
        }),
      },
    },
    async (req) =>
      listFreeSlots(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        from: req.query.from,
        to: req.query.to,
      }),
  );

  app.get(
    '/api/v1/mediators/:id/admission',
    { schema: { tags: ['mediators'], summary: 'Admission checklist', params: mediatorParams } },
    async (req) =>
      showAdmissionChecklist(deps, { actor: requireActor(req), mediatorId: req.params.id }),
  );

  app.put(
    '/api/v1/mediators/:id/admission/:item',
    {
      schema: {
        tags: ['mediators'],
        summary: 'Mark an admission item passed or failed, with evidence documents',
        params: z.strictObject({ id: z.string().max(64), item: z.enum(recordedAdmissionItems) }),
        body: z.strictObject({
          status: z.enum(['passed', 'failed']),
          note: z.string().max(1000).nullable().optional(),
          documentIds: z.array(z.uuid()).max(20).default([]),
        }),
      },
    },
    async (req) =>
      recordAdmissionCheck(deps, {
        actor: requireActor(req),
        mediatorId: req.params.id,
        item: req.params.item,
        ...req.body,
      }),
  );

  app.get(
    '/api/v1/orgs/:orgId/duty-rota',
    {
      schema: {
        tags: ['availability'],
        summary: 'Who is on site, by day',
        params: orgParams,
        querystring: z.strictObject({ from: isoDate, to: isoDate }),
      },
    },
    async (req) =>
      listDutyRota(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        fromDate: req.query.from,
        toDate: req.query.to,
      }),
  );

  app.put(
    '/api/v1/orgs/:orgId/duty-rota/:date',
    {
      schema: {
        tags: ['availability'],
        summary: 'Set who is on site on one day',
        params: z.strictObject({ orgId: z.uuid(), date: isoDate }),
        body: z.strictObject({ mediatorIds: z.array(z.uuid()).max(50) }),
      },
    },
    async (req) =>
      setDutyRotaDay(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        onDate: req.params.date,
        mediatorIds: req.body.mediatorIds,
      }),
  );
}
