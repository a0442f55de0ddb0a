import { z } from 'zod';
import { staffRoles } from '../../domain/roles.js';
import { supportedLocales } from '../../domain/messages/supported-locales.js';
import { createStaffUser } from '../../use-cases/users/create-staff-user.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

export function registerUserRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/orgs/:orgId/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a staff account (director only)',
        params: z.strictObject({ orgId: z.uuid() }),
        body: z.strictObject({
          email: z.email().max(254),
          password: z.string().min(12).max(1024),
          displayName: z.string().trim().min(1).max(200),
          role: z.enum(staffRoles),
          courtId: z.uuid().optional(),
          locale: z.enum(supportedLocales).optional(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const { userId } = await createStaffUser(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        ...req.body,
      });
      return reply.status(201).send({ id: userId });
    },
  );
}
