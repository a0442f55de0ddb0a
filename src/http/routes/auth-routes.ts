import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../domain/authorize-case-access.js';
import { signIn, type SignInResult } from '../../use-cases/auth/sign-in.js';
import { signOut } from '../../use-cases/auth/sign-out.js';
import { redeemPartyInvite } from '../../use-cases/auth/redeem-party-invite.js';
import { TOTP_ENROLLMENT_RESTRICTION } from '../../domain/session-restriction.js';
import { SESSION_COOKIE, requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  memberships: z.array(
    z.object({ orgId: z.string(), role: z.string(), courtId: z.string().nullable() }),
  ),
  mediatorIds: z.array(z.string()),
});

export const presentUser = (a: Actor): z.infer<typeof userSchema> => ({
  id: a.userId,
  email: a.email,
  displayName: a.displayName,
  locale: a.locale,
  timeZone: a.timeZone,
  memberships: a.memberships,
  mediatorIds: a.mediatorIds,
});

const sessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
  // True: a director/officer must enrol TOTP (/api/v1/me/totp/enroll, …/confirm) before anything else.
  totpEnrollmentRequired: z.boolean(),
});

export function registerAuthRoutes(app: AppInstance, deps: AppDeps): void {
  const setCookie = (reply: FastifyReply, r: SignInResult) =>
    reply.setCookie(SESSION_COOKIE, r.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.publicUrl.startsWith('https:'),
      path: '/',
      expires: new Date(r.expiresAt),
    });

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: z.strictObject({
          email: z.email().max(254),
          password: z.string().min(1).max(1024),
          // Required once the account has confirmed an authenticator app (TOTP_REQUIRED otherwise).
          totpCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const r = await signIn(deps, {
        email: req.body.email,
        password: req.body.password,
        totpCode: req.body.totpCode,
        currentSessionToken: req.cookies[SESSION_COOKIE],
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setCookie(reply, r);
      return {
        token: r.token,
        expiresAt: r.expiresAt,
        user: presentUser(r.actor),
        totpEnrollmentRequired: r.totpEnrollmentRequired,
      };
    },
  );

  app.post(
    '/api/v1/auth/invitations/redeem',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: "Exchange a party's one-time invitation link for a session",
        body: z.strictObject({ token: z.string().min(20).max(200) }),
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const r = await redeemPartyInvite(deps, {
        token: req.body.token,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setCookie(reply, r);
      return {
        token: r.token,
        expiresAt: r.expiresAt,
        user: presentUser(r.actor),
        totpEnrollmentRequired: r.totpEnrollmentRequired,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (revokes the session)',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireActor(req);
      await signOut(deps, { sessionId: req.sessionId! });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: userSchema.extend({ totpEnrollmentRequired: z.boolean() }) },
      },
    },
    async (req) => ({
      ...presentUser(requireActor(req)),
      totpEnrollmentRequired: req.sessionRestriction === TOTP_ENROLLMENT_RESTRICTION,
    }),
  );
}
