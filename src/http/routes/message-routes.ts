import { z } from 'zod';
import { listCaseMessages } from '../../use-cases/cases/list-messages.js';
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
        summary: 'The case thread as the caller may read it (parties never see team-only posts)',
        params: caseIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                author: z.string(),
                authorUserId: z.string().nullable(),
                visibility: z.string(),
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
    async (req) => ({
      items: await listCaseMessages(deps, { actor: requireActor(req), caseId: req.params.id }),
    }),
  );

  app.post(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'Post to the case thread (everyone, or team only); attach uploaded evidence',
        params: caseIdParams,
        body: z.strictObject({
          visibility: z.enum(['everyone', 'team']).default('everyone'),
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
