import { z } from 'zod';
import { AppError } from '../../domain/app-error.js';
import { createCalendarFeed } from '../../use-cases/notifications/create-calendar-feed.js';
import { revokeCalendarFeed } from '../../use-cases/notifications/revoke-calendar-feed.js';
import { renderCalendarFeed } from '../../use-cases/notifications/render-calendar-feed.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

export function registerCalendarRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/calendar/feed',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Create (or rotate) my personal ICS feed of sessions; the previous URL stops working',
        querystring: z.strictObject({ orgId: z.uuid().optional() }),
        response: { 201: z.object({ url: z.string(), token: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await createCalendarFeed(deps, {
        actor: requireActor(req),
        orgId: req.query.orgId,
      });
      return reply.status(201).send(r);
    },
  );

  app.delete(
    '/api/v1/calendar/feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Revoke my personal ICS feed',
        querystring: z.strictObject({ orgId: z.uuid().optional() }),
        response: { 200: z.object({ revoked: z.number() }) },
      },
    },
    async (req) => revokeCalendarFeed(deps, { actor: requireActor(req), orgId: req.query.orgId }),
  );

  // The feed URL is the credential (calendar apps cannot sign in), hence a public route.
  app.get(
    '/api/v1/calendar/:file',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'A personal ICS feed: /api/v1/calendar/{token}.ics',
        params: z.strictObject({ file: z.string().max(220) }),
      },
    },
    async (req, reply) => {
      const m = /^(.+)\.ics$/.exec(req.params.file);
      if (!m) throw new AppError('NOT_FOUND');
      const ics = await renderCalendarFeed(deps, { token: m[1]! });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(ics);
    },
  );
}
