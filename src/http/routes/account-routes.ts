import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../domain/password-policy.js';
import { changePassword } from '../../use-cases/auth/change-password.js';
import { confirmTotp } from '../../use-cases/auth/confirm-totp.js';
import { enrollTotp } from '../../use-cases/auth/enroll-totp.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

/** The signed-in user's own security settings: password and two-factor sign-in. */
export function registerAccountRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password (ends every other session)',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
          newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(deps, {
        actor: requireActor(req),
        sessionId: req.sessionId,
        ...req.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/totp/enroll',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor enrolment: returns the otpauth:// URI for an authenticator app',
        response: { 200: z.object({ otpauthUri: z.string(), secret: z.string() }) },
      },
    },
    async (req) => enrollTotp(deps, { actor: requireActor(req) }),
  );

  app.post(
    '/api/v1/me/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a current code; sign-in needs a code from then on',
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await confirmTotp(deps, {
        actor: requireActor(req),
        sessionId: req.sessionId,
        code: req.body.code,
      });
      return reply.status(204).send(null);
    },
  );
}
