import { z } from 'zod';
import { messageChannels } from '../../domain/message-channels.js';
import { listCaseMessages } from '../../use-cases/cases/list-messages.js';
import { markMessagesRead } from '../../use-cases/cases/mark-messages-read.js';
import { postMessage } from '../../use-cases/cases/post-message.js';
import { translateMessage } from '../../use-cases/cases/translate-message.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { caseIdParams } from './case-routes.js';
import { documentView } from './evidence-routes.js';

const translationView = z.object({
  language: z.string(),
  text: z.string(),
  method: z.enum(['human', 'machine']),
  translatedBy: z.object({ userId: z.string(), name: z.string() }),
  provider: z.string().nullable(),
  at: z.string(),
});

export function registerMessageRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'The case thread as the caller may read it, with unread counts per channel',
        description:
          "Channels: `everyone`, `team` (the team and committee staff), and one private caucus per side (`caucus_applicant`, `caucus_respondent`: the team with that side alone). Parties never see team-only posts nor the other side's caucus. `channels` lists the channels the caller reads, with their unread count and first unread message; a GET never marks anything read.",
        params: caseIdParams,
        response: {
          200: z.object({
            channels: z.array(
              z.object({
                channel: z.enum(messageChannels),
                unread: z.number().int(),
                firstUnreadId: z.string().nullable(),
                lastReadMessageId: z.string().nullable(),
                writable: z.boolean(),
              }),
            ),
            items: z.array(
              z.object({
                id: z.string(),
                author: z.string(),
                authorUserId: z.string().nullable(),
                visibility: z.string(),
                channel: z.string(),
                language: z.string(),
                body: z.string(),
                translations: z.array(translationView),
                attachments: z.array(documentView),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listCaseMessages(deps, { actor: requireActor(req), caseId: req.params.id }),
  );

  app.put(
    '/api/v1/cases/:id/messages/read-positions/:channel',
    {
      schema: {
        tags: ['messages'],
        summary: 'Mark a channel of the case thread read up to a message, for the caller only',
        description:
          "The read position only moves forward. A channel the caller may not read (another side's caucus) answers 404.",
        params: z.strictObject({ id: z.string().max(64), channel: z.enum(messageChannels) }),
        body: z.strictObject({ upTo: z.uuid() }),
        response: {
          200: z.object({ channel: z.string(), lastReadMessageId: z.string() }),
        },
      },
    },
    async (req) =>
      markMessagesRead(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        channel: req.params.channel,
        upTo: req.body.upTo,
      }),
  );

  app.post(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags: ['messages'],
        summary:
          "Post to the case thread (everyone, team only, or a side's private caucus); attach uploaded evidence",
        description:
          "A party posts to everyone or to its own side's caucus; another side's caucus answers 404. Attachments of a caucus message must have been uploaded into that caucus (`channel` on upload).",
        params: caseIdParams,
        body: z.strictObject({
          visibility: z.enum(messageChannels).default('everyone'),
          language: z.string().min(2).max(3),
          body: z.string().trim().min(1).max(20_000),
          documentIds: z.array(z.uuid()).max(10).default([]),
        }),
        response: { 201: z.object({ id: z.string(), createdAt: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await postMessage(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        ...req.body,
      });
      return reply.status(201).send(r);
    },
  );

  app.put(
    '/api/v1/cases/:id/messages/:messageId/translations/:language',
    {
      schema: {
        tags: ['messages'],
        summary:
          'Add or replace the translation of a message (interpreter, mediator, officer). `machine: true` asks the configured machine translator; none is bundled',
        params: z.strictObject({
          id: z.string().max(64),
          messageId: z.uuid(),
          language: z.string().min(2).max(3),
        }),
        body: z.strictObject({
          text: z.string().trim().min(1).max(20_000).optional(),
          machine: z.boolean().optional(),
        }),
        response: { 200: translationView },
      },
    },
    async (req) =>
      // No machine translator is configured in this deployment: translations come from people.
      translateMessage(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        messageId: req.params.messageId,
        language: req.params.language,
        text: req.body.text,
        machine: req.body.machine,
      }),
  );
}
