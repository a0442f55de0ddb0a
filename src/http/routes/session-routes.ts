import { z } from 'zod';
import { attestSessionSightTranslation } from '../../use-cases/cases/attest-session-sight-translation.js';
import { cancelSession } from '../../use-cases/cases/cancel-session.js';
import { changeSession } from '../../use-cases/cases/change-session.js';
import { confirmSessionRecord } from '../../use-cases/cases/confirm-session-record.js';
import { correctSessionRecord } from '../../use-cases/cases/correct-session-record.js';
import { listCaseSessions } from '../../use-cases/cases/list-sessions.js';
import { recordSession } from '../../use-cases/cases/record-session.js';
import { requestSessionTranslation } from '../../use-cases/cases/request-session-translation.js';
import { scheduleSession } from '../../use-cases/cases/schedule-session.js';
import { requireActor } from '../authenticate-request.js';
import {
  sightTranslationBody,
  sightTranslationResponse,
  translationRequestBody,
  translationRequestResponse,
} from './translation-schemas.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import {
  caseIdParams,
  reasonField,
  requireCaseVersion,
  transitionResult,
  versionField,
} from './case-routes.js';

const sessionParams = z.strictObject({ id: z.string().max(64), sessionId: z.uuid() });
const personRef = z.strictObject({ kind: z.enum(['party', 'mediator']), id: z.uuid() });
/** Wall-clock time without offset; the zone comes separately. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?$/);
const place = {
  mode: z.enum(['in_person', 'online']),
  room: z.string().trim().min(1).max(200).optional(),
  meetingUrl: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
};
/** Books the session although a team member is unavailable then (the officer knows better). */
const overrideAvailability = z.boolean().optional();
const availabilityWarnings = z.array(
  z.object({ code: z.literal('MEDIATOR_UNAVAILABLE'), mediatorId: z.string(), name: z.string() }),
);
const text = z.string().trim().min(1).max(100_000);
const lang = z.string().min(2).max(3);

const sessionView = z.object({
  id: z.string(),
  status: z.string(),
  startsAt: z.string(),
  startsAtLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  mode: z.string(),
  room: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  participants: z.array(
    z.object({ kind: z.string(), id: z.string(), name: z.string(), role: z.string() }),
  ),
  heldAt: z.string().nullable(),
  interpreterPresent: z.boolean().nullable(),
  record: z
    .object({
      language: z.string(),
      text: z.string(),
      translations: z.array(z.object({ language: z.string(), text: z.string() })),
      attendees: z.array(
        z.object({ kind: z.string(), id: z.string(), name: z.string(), role: z.string() }),
      ),
      /** 1 when first entered, +1 per correction; confirmations count for this version only. */
      version: z.number(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
      /** "三必": why no interpreter was present although a party needed one (an officer's word). */
      interpreterAbsence: z.object({ reason: z.string(), recordedByName: z.string() }).nullable(),
      /** Every version, oldest first; `reason` is null for the first entry. */
      revisions: z.array(
        z.object({
          version: z.number(),
          reason: z.string().nullable(),
          at: z.string(),
          byName: z.string().nullable(),
        }),
      ),
      confirmedBy: z.array(z.object({ kind: z.string(), id: z.string(), at: z.string() })),
      fullyConfirmed: z.boolean(),
      /**
       * For a party of the case (null for anyone else): whether the minutes exist in a language
       * it reads or were sight-translated for it, i.e. whether confirming will be accepted.
       */
      readableByMe: z.boolean().nullable(),
      myLanguages: z.array(z.string()).nullable(),
      sightTranslatedForMe: z.boolean().nullable(),
    })
    .nullable(),
});

/** The record body, the same for entering and correcting it. */
const recordBody = {
  attendees: z.array(personRef).min(1).max(30),
  interpreterPresent: z.boolean(),
  /** Officers and directors only, when a party had no mediator speaking its language. */
  interpreterAbsenceReason: z.string().trim().min(1).max(4000).optional(),
  minutes: z.strictObject({ language: lang, text }),
  translations: z
    .array(z.strictObject({ language: lang, text }))
    .max(10)
    .default([]),
};

export function registerSessionRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:id/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sessions of a case with their records and confirmations',
        params: caseIdParams,
        response: { 200: z.object({ items: z.array(sessionView) }) },
      },
    },
    async (req) => ({
      items: await listCaseSessions(deps, { actor: requireActor(req), caseId: req.params.id }),
    }),
  );

  app.post(
    '/api/v1/cases/:id/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary:
          'Schedule a session: wall-clock start in an IANA time zone, length, room or meeting link, participants (default: everyone on the case)',
        params: caseIdParams,
        body: z.strictObject({
          version: versionField,
          startsAt: localDateTime,
          timeZone: z.string().min(1).max(64),
          durationMinutes: z.number().int().min(15).max(600),
          ...place,
          participants: z.array(personRef).min(1).max(30).optional(),
          overrideAvailability,
          // A session held today without booking (started before now, at most 16 hours ago):
          // entered so that it can be recorded; nobody is invited to it.
          held: z.boolean().optional(),
        }),
        response: {
          201: transitionResult.extend({
            sessionId: z.string(),
            startsAtUtc: z.string(),
            warnings: availabilityWarnings,
          }),
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await scheduleSession(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        version: requireCaseVersion(req, b.version),
        startsAt: b.startsAt,
        timeZone: b.timeZone,
        durationMinutes: b.durationMinutes,
        place: { mode: b.mode, room: b.room, meetingUrl: b.meetingUrl },
        participants: b.participants,
        overrideAvailability: b.overrideAvailability,
        held: b.held,
      });
      return reply.status(201).send({
        id: req.params.id,
        status: r.status,
        version: r.version,
        sessionId: r.sessionId,
        startsAtUtc: r.startsAtUtc,
        warnings: r.warnings,
      });
    },
  );

  app.patch(
    '/api/v1/cases/:id/sessions/:sessionId',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Change a scheduled session (time, zone, length, place, participants)',
        params: sessionParams,
        body: z.strictObject({
          version: versionField,
          startsAt: localDateTime.optional(),
          timeZone: z.string().min(1).max(64).optional(),
          durationMinutes: z.number().int().min(15).max(600).optional(),
          mode: place.mode.optional(),
          room: place.room,
          meetingUrl: place.meetingUrl,
          participants: z.array(personRef).min(1).max(30).optional(),
          overrideAvailability,
        }),
        response: { 200: transitionResult.extend({ warnings: availabilityWarnings }) },
      },
    },
    async (req) => {
      const b = req.body;
      const r = await changeSession(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
        version: requireCaseVersion(req, b.version),
        startsAt: b.startsAt,
        timeZone: b.timeZone,
        durationMinutes: b.durationMinutes,
        place: b.mode ? { mode: b.mode, room: b.room, meetingUrl: b.meetingUrl } : undefined,
        participants: b.participants,
        overrideAvailability: b.overrideAvailability,
      });
      return { id: req.params.id, status: r.status, version: r.version, warnings: r.warnings };
    },
  );

  app.post(
    '/api/v1/cases/:id/sessions/:sessionId/cancel',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Cancel a scheduled session',
        params: sessionParams,
        body: z.strictObject({ version: versionField, reason: reasonField }),
        response: { 200: transitionResult },
      },
    },
    async (req) => {
      const r = await cancelSession(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
        version: requireCaseVersion(req, req.body.version),
        reason: req.body.reason,
      });
      return { id: req.params.id, status: r.status, version: r.version };
    },
  );

  app.post(
    '/api/v1/cases/:id/sessions/:sessionId/record',
    {
      schema: {
        tags: ['sessions'],
        summary:
          'Enter the session record (笔录): attendees, interpreter presence, minutes and translations. The first held session moves the case to in_mediation',
        params: sessionParams,
        body: z.strictObject({ version: versionField, ...recordBody }),
        response: { 200: transitionResult },
      },
    },
    async (req) => {
      const { version, ...record } = req.body;
      const r = await recordSession(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
        version: requireCaseVersion(req, version),
        record,
      });
      return { id: req.params.id, status: r.status, version: r.version };
    },
  );

  app.post(
    '/api/v1/cases/:id/sessions/:sessionId/record/corrections',
    {
      schema: {
        tags: ['sessions'],
        summary:
          'Correct a session record (笔录) as a new version with a reason, until every attendee has confirmed it; earlier confirmations no longer count',
        params: sessionParams,
        body: z.strictObject({ version: versionField, reason: reasonField, ...recordBody }),
        response: { 200: transitionResult.extend({ recordVersion: z.number() }) },
      },
    },
    async (req) => {
      const { version, reason, ...record } = req.body;
      const r = await correctSessionRecord(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
        version: requireCaseVersion(req, version),
        reason,
        record,
      });
      return {
        id: req.params.id,
        status: r.status,
        version: r.version,
        recordVersion: r.recordVersion,
      };
    },
  );

  app.post(
    '/api/v1/cases/:id/sessions/:sessionId/translation-requests',
    {
      schema: {
        tags: ['sessions'],
        summary:
          'A party asks for the session record in one of its languages (its preferred one by default); the team and the officers are told once per record version and language',
        params: sessionParams,
        body: translationRequestBody,
        response: { 202: translationRequestResponse },
      },
    },
    async (req, reply) => {
      const r = await requestSessionTranslation(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
        language: req.body.language,
      });
      return reply.status(202).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:id/sessions/:sessionId/sight-translations',
    {
      schema: {
        tags: ['sessions'],
        summary:
          'An interpreter of the team attests reading the current version of the session record aloud to one party in a language it reads; the party may then confirm it',
        params: sessionParams,
        body: sightTranslationBody,
        response: { 201: sightTranslationResponse },
      },
    },
    async (req, reply) => {
      const r = await attestSessionSightTranslation(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
        partyId: req.body.partyId,
        language: req.body.language,
        interpretedAt: req.body.interpretedAt,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/cases/:id/sessions/:sessionId/confirmations',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Confirm the session record as an attendee (for oneself)',
        params: sessionParams,
        response: {
          201: z.object({ confirmed: z.array(z.object({ kind: z.string(), id: z.string() })) }),
        },
      },
    },
    async (req, reply) => {
      const r = await confirmSessionRecord(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        sessionId: req.params.sessionId,
      });
      return reply.status(201).send(r);
    },
  );
}
