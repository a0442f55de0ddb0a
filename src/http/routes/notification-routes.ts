import { z } from 'zod';
import { listNotifications } from '../../use-cases/notifications/list-notifications.js';
import { markNotificationRead } from '../../use-cases/notifications/mark-notification-read.js';
import { markAllNotificationsRead } from '../../use-cases/notifications/mark-all-notifications-read.js';
import { listEmailBounces } from '../../use-cases/notifications/list-email-bounces.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  params: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export function registerNotificationRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My in-app notifications, newest first',
        description:
          'Titles and bodies are rendered in `lang` when given (an unsupported one is 400), else in the account language.',
        querystring: z.strictObject({
          unread: z.enum(['true', 'false', '1', '0']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(500).optional(),
          // The screen's language: titles and bodies follow it rather than the account's.
          lang: z.string().max(35).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            nextCursor: z.string().nullable(),
            unreadCount: z.number(),
          }),
        },
      },
    },
    async (req) =>
      listNotifications(deps, {
        actor: requireActor(req),
        unreadOnly: req.query.unread === 'true' || req.query.unread === '1',
        limit: req.query.limit,
        cursor: req.query.cursor,
        lang: req.query.lang,
      }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: z.object({ readAt: z.string() }) },
      },
    },
    async (req) => markNotificationRead(deps, { actor: requireActor(req), id: req.params.id }),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (req) => markAllNotificationsRead(deps, { actor: requireActor(req) }),
  );

  app.get(
    '/api/v1/cases/:caseId/email-bounces',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Parties of the case whose e-mail address bounced (officers)',
        params: z.strictObject({ caseId: z.string().max(64) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                partyId: z.string(),
                role: z.string(),
                email: z.string().nullable(),
                bouncedAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listEmailBounces(deps, { actor: requireActor(req), caseId: req.params.caseId }),
  );
}
