import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../domain/authorize-case-access.js';
import { signIn, type SignInResult } from '../../use-cases/auth/sign-in.js';
import { signOut } from '../../use-cases/auth/sign-out.js';
import { redeemPartyInvite } from '../../use-cases/auth/redeem-party-invite.js';
import { redeemSignInLink } from '../../use-cases/auth/redeem-sign-in-link.js';
import { requestSignInLink } from '../../use-cases/auth/request-sign-in-link.js';
import { signOutEverywhere } from '../../use-cases/auth/sign-out-everywhere.js';
import { startPasskeySignIn } from '../../use-cases/auth/start-passkey-sign-in.js';
import { finishPasskeySignIn } from '../../use-cases/auth/finish-passkey-sign-in.js';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { isSafeReturnPath, MAX_RETURN_PATH_LENGTH } from '../../domain/sign-in-return-path.js';
import { TOTP_ENROLLMENT_RESTRICTION } from '../../domain/session-restriction.js';
import { SESSION_COOKIE, requireActor, sessionCookieOptions } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { totpCodeSchema } from './totp-code-schema.js';

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
  /** A platform administrator (creates committees; staff of none). */
  platformAdmin: z.boolean(),
});

export const presentUser = (a: Actor): z.infer<typeof userSchema> => ({
  id: a.userId,
  email: a.email,
  displayName: a.displayName,
  locale: a.locale,
  timeZone: a.timeZone,
  memberships: a.memberships,
  mediatorIds: a.mediatorIds,
  platformAdmin: a.platformAdmin === true,
});

const sessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
  // True: a director/officer must enrol TOTP (/api/v1/me/totp/enroll, …/confirm) before anything else.
  totpEnrollmentRequired: z.boolean(),
});

/** A WebAuthn response as @simplewebauthn/browser sends it; the library checks the contents. */
export const webauthnResponseSchema = (inner: z.ZodType) =>
  z.strictObject({
    id: z.string().min(1).max(1400),
    rawId: z.string().min(1).max(1400),
    type: z.literal('public-key'),
    response: inner,
    clientExtensionResults: z.record(z.string(), z.unknown()),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  });
const b64url = z.string().max(16_384);
const assertionSchema = webauthnResponseSchema(
  z.strictObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
);

// One body for every accepted request: it must not differ between known and unknown addresses.
const signInLinkRequested = z.object({ status: z.literal('accepted') });

export function registerAuthRoutes(app: AppInstance, deps: AppDeps): void {
  /** Sets the session cookie and answers the session (token, expiry, user) every sign-in gives. */
  const startSession = (reply: FastifyReply, r: SignInResult) => {
    reply.setCookie(SESSION_COOKIE, r.token, sessionCookieOptions(deps, r.expiresAt));
    return {
      token: r.token,
      expiresAt: r.expiresAt,
      user: presentUser(r.actor),
      totpEnrollmentRequired: r.totpEnrollmentRequired,
    };
  };

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
          totpCode: totpCodeSchema.optional(),
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
      return startSession(reply, r);
    },
  );

  app.post(
    '/api/v1/auth/invitations/redeem',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: "Exchange a party's one-time invitation link for a session",
        description:
          'Answers the session and the case the invitation is for. A used or expired link answers 404, except to the party it belongs to while still signed in: `{alreadySignedIn: true, caseId}`, so that opening the e-mail again leads to the case.',
        body: z.strictObject({ token: z.string().min(20).max(200) }),
        response: {
          200: z.union([
            sessionResponse.extend({ caseId: z.string() }),
            z.object({ alreadySignedIn: z.literal(true), caseId: z.string() }),
          ]),
        },
      },
    },
    async (req, reply) => {
      const r = await redeemPartyInvite(deps, {
        token: req.body.token,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        signedInUserId: req.actor?.userId,
      });
      if ('alreadySignedIn' in r) return r;
      return { ...startSession(reply, r), caseId: r.caseId };
    },
  );

  app.post(
    '/api/v1/auth/sign-in-links',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'E-mail me a one-time sign-in link',
        description:
          "Always answers 202 with the same body, whether or not the address is known; the link is e-mailed (in the recipient's language) only to an account or a party the committee invited. `next`, a path of this site, is where the link lands after sign-in. More than 5 requests per address or 20 per IP address in an hour: 429 RATE_LIMITED with Retry-After, for known and unknown addresses alike.",
        body: z.strictObject({
          email: z.email().max(254),
          next: z
            .string()
            .max(MAX_RETURN_PATH_LENGTH)
            .refine(isSafeReturnPath, 'must be a path of this site, such as /cases/<id>')
            .optional(),
        }),
        response: { 202: signInLinkRequested },
      },
    },
    async (req, reply) => {
      await requestSignInLink(deps, {
        email: req.body.email,
        next: req.body.next ?? null,
        ip: req.ip,
      });
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/v1/auth/sign-in-links/redeem',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Exchange an e-mailed sign-in link for a session',
        description:
          'The link works once and expires. An account with a confirmed authenticator must add `totpCode` (TOTP_REQUIRED leaves the link unused). `next` is the page the link was asked for, or null.',
        body: z.strictObject({
          token: z.string().min(20).max(200),
          totpCode: totpCodeSchema.optional(),
        }),
        response: { 200: sessionResponse.extend({ next: z.string().nullable() }) },
      },
    },
    async (req, reply) => {
      const r = await redeemSignInLink(deps, {
        token: req.body.token,
        totpCode: req.body.totpCode,
        currentSessionToken: req.cookies[SESSION_COOKIE],
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      return { ...startSession(reply, r), next: r.next };
    },
  );

  app.post(
    '/api/v1/auth/passkeys/options',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in with a passkey (usernameless): a challenge for the browser',
        description:
          'Lists no credentials, so the answer says nothing about any account. The challenge is kept server-side and can be answered once within five minutes.',
        response: { 200: z.object({ options: z.record(z.string(), z.unknown()) }) },
      },
    },
    async () => ({ options: { ...(await startPasskeySignIn(deps)) } }),
  );

  app.post(
    '/api/v1/auth/passkeys/verify',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: "Sign in with a passkey: the browser's signed answer to the challenge",
        description:
          'Any failure (unknown or spent challenge, unknown passkey, bad signature, no user verification) answers 401 INVALID_CREDENTIALS. Passkeys are for parties; staff sign in with password and authenticator code.',
        body: z.strictObject({ response: assertionSchema }),
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const r = await finishPasskeySignIn(deps, {
        response: req.body.response as AuthenticationResponseJSON,
        currentSessionToken: req.cookies[SESSION_COOKIE],
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      return startSession(reply, r);
    },
  );

  app.post(
    '/api/v1/auth/logout-everywhere',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Sign out on all devices (revokes every session of the account, this one included)',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await signOutEverywhere(deps, { userId: requireActor(req).userId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
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
