import { z } from 'zod';
import { listDeadOutboxRows } from '../../use-cases/notifications/list-dead-outbox-rows.js';
import { retryDeadOutboxRow } from '../../use-cases/notifications/retry-dead-outbox-row.js';
import { listDevMailbox } from '../../use-cases/notifications/list-dev-mailbox.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

export function registerAdminOutboxRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/admin/outbox/dead',
    {
      schema: {
        tags: ['admin'],
        summary: 'Notifications the worker gave up on (directors)',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: z.string().max(500).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                orgId: z.string(),
                kind: z.string(),
                event: z.string().nullable(),
                caseId: z.string().nullable(),
                attempts: z.number(),
                lastError: z.string().nullable(),
                createdAt: z.string(),
                lastAttemptAt: z.string(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (req) =>
      listDeadOutboxRows(deps, {
        actor: requireActor(req),
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  );

  app.post(
    '/api/v1/admin/outbox/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Queue a dead notification again (directors)',
        params: z.strictObject({ id: z.string().max(64) }),
        response: { 200: z.object({ status: z.literal('pending') }) },
      },
    },
    async (req) => retryDeadOutboxRow(deps, { actor: requireActor(req), id: req.params.id }),
  );

  app.get(
    '/api/v1/admin/dev-mailbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mail written to the dev mailbox when no SMTP server is configured (directors)',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                messageId: z.string(),
                to: z.string(),
                subject: z.string(),
                language: z.string(),
                savedAt: z.string(),
                text: z.string(),
                html: z.string(),
                attachments: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listDevMailbox(deps, { actor: requireActor(req), limit: req.query.limit }),
  );
}
