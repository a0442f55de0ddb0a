import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/app-error.js';
import type { Actor } from '../domain/authorize-case-access.js';
import { TOTP_ENROLLMENT_RESTRICTION } from '../domain/session-restriction.js';
import { findActorBySessionToken } from '../use-cases/auth/resolve-actor.js';
import { renewSlidingSessionIfDue } from '../use-cases/auth/renew-sliding-session.js';
import type { AppDeps } from './app-deps.js';

export const SESSION_COOKIE = 'accord_session';

export const sessionCookieOptions = (deps: Pick<AppDeps, 'config'>, expiresAt: string) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: deps.config.publicUrl.startsWith('https:'),
  path: '/',
  expires: new Date(expiresAt),
});

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    authVia: 'bearer' | 'cookie' | null;
    /** 'totp_enrollment' while a director/officer has yet to enrol a required second factor. */
    sessionRestriction: string | null;
  }
  interface FastifyContextConfig {
    /** Routes open to anonymous callers set `public: true`; every other route requires a session. */
    public?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a session restricted to TOTP enrolment may still call (everything else under /api: 403). */
const enrollmentRoutes = new Set([
  'POST /api/v1/me/totp/enroll',
  'POST /api/v1/me/totp/confirm',
  'GET /api/v1/me',
  'POST /api/v1/auth/logout',
  // Signing in again (e.g. with the new code) replaces the restricted session.
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/sign-in-links',
  'POST /api/v1/auth/sign-in-links/redeem',
  'POST /api/v1/auth/logout-everywhere',
]);

function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(h);
  return m?.[1];
}

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send Sec-Fetch-Site;
 * older ones send Origin. Bearer-token clients are not exposed to CSRF and skip the check.
 */
function isSameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function registerAuthentication(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionRestriction', null);

  app.addHook('onRequest', async (req, reply) => {
    const bearer = bearerToken(req);
    const cookie = bearer ? undefined : req.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (token) {
      const found = await findActorBySessionToken(deps.db, token, deps.clock.now().toISOString());
      if (found) {
        req.actor = found.actor;
        req.sessionId = found.sessionId;
        req.authVia = bearer ? 'bearer' : 'cookie';
        req.sessionRestriction = found.restriction;
        const renewedUntil = await renewSlidingSessionIfDue(deps, {
          sessionId: found.sessionId,
          ...found.session,
        });
        // The browser's cookie must outlive the server's session, or the renewal is lost.
        if (renewedUntil && cookie) {
          reply.setCookie(SESSION_COOKIE, cookie, sessionCookieOptions(deps, renewedUntil));
        }
      }
    }
    if (req.authVia === 'cookie' && unsafeMethods.has(req.method) && !isSameOrigin(req)) {
      throw new AppError('CSRF_REJECTED');
    }
    if (!req.routeOptions.config.public && req.routeOptions.url && !req.actor) {
      throw new AppError('UNAUTHENTICATED');
    }
    // The web pages themselves stay reachable, so the browser can show the enrolment screen.
    const url = req.routeOptions.url;
    if (
      req.sessionRestriction === TOTP_ENROLLMENT_RESTRICTION &&
      url?.startsWith('/api/') &&
      !enrollmentRoutes.has(`${req.method} ${url}`)
    ) {
      throw new AppError('TOTP_ENROLLMENT_REQUIRED');
    }
  });
}

/** For handlers of non-public routes: the signed-in actor (the hook already refused anonymous calls). */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
