import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../domain/app-error.js';
import type { AppDeps } from './app-deps.js';
import { registerAuthentication } from './authenticate-request.js';
import { sendError } from './map-error.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerAccountRoutes } from './routes/account-routes.js';
import { registerCaseRoutes } from './routes/case-routes.js';
import { registerCaseTeamRoutes } from './routes/case-team-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerEvidenceRoutes } from './routes/evidence-routes.js';
import { registerMessageRoutes } from './routes/message-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { registerAdminOutboxRoutes } from './routes/admin-outbox-routes.js';
import { registerCalendarRoutes } from './routes/calendar-routes.js';
import { registerPreferenceRoutes } from './routes/preference-routes.js';
import { registerNotificationRoutes } from './routes/notification-routes.js';
import { registerStatsRoutes } from './routes/stats-routes.js';
import { registerReportRoutes } from './routes/report-routes.js';
import { registerPublicRoutes } from './routes/public-routes.js';
import { registerAgreementRoutes } from './routes/agreement-routes.js';
import { registerCourtRoutes } from './routes/court-routes.js';
import { registerPerformanceRoutes } from './routes/performance-routes.js';
import { registerDocumentRoutes } from './routes/document-routes.js';
import { registerVerifyRoutes } from './routes/verify-routes.js';
import { registerMediatorRoutes } from './routes/mediator-routes.js';
import { registerOrgSettingsRoutes } from './routes/org-settings-routes.js';
import { registerPlatformOrgRoutes } from './routes/platform-org-routes.js';
import { registerPartyInvitationRoutes } from './routes/party-invitation-routes.js';
import { registerMatchingRoutes } from './routes/matching-routes.js';
import { registerWebRoutes } from './routes/web-routes.js';

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Paths pino must never print: credentials, and personal identifiers a body may carry. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.idDocument',
  '*.idNumber',
  '*.passportNumber',
  '*.phone',
];

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Sees every route as it is registered (the authorisation matrix test enumerates them so). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * Route modules, in registration order. Each feature adds its `register*Routes` here.
 */
const routeModules: ((app: AppInstance, deps: AppDeps) => void)[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerAccountRoutes,
  registerUserRoutes,
  registerAdminOutboxRoutes,
  registerCalendarRoutes,
  registerPreferenceRoutes,
  registerNotificationRoutes,
  registerCaseRoutes,
  registerCaseTeamRoutes,
  registerPartyInvitationRoutes,
  registerSessionRoutes,
  registerEvidenceRoutes,
  registerMessageRoutes,
  registerStatsRoutes,
  registerReportRoutes,
  registerPublicRoutes,
  registerAgreementRoutes,
  registerCourtRoutes,
  registerPerformanceRoutes,
  registerDocumentRoutes,
  registerVerifyRoutes,
  registerMediatorRoutes,
  registerMatchingRoutes,
  registerOrgSettingsRoutes,
  registerPlatformOrgRoutes,
  // The web application's catch-all (index.html for client routes); keep it last.
  registerWebRoutes,
];

export async function buildApp(deps: AppDeps, opts: BuildAppOptions = {}): Promise<AppInstance> {
  const logger =
    opts.logger === false
      ? false
      : { level: deps.config.logLevel, redact: { paths: redactedLogPaths, censor: '[redacted]' } };
  const app = Fastify({
    logger,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Behind a reverse proxy the client address (sign-in limits per address) comes from
    // X-Forwarded-For, believed only when the connection is from a configured proxy.
    trustProxy: deps.config.trustProxy,
    // Router-level rejections (an undecodable URL, an over-long path parameter) answer in the
    // same error shape as everything else instead of Fastify's own.
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>();

  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  app.setNotFoundHandler((req, reply) => sendError(new AppError('NOT_FOUND'), req, reply));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // Built once: @fastify/helmet rebuilt helmet's middleware (and re-parsed the CSP) on every
  // request, about 5% of the server's CPU per request in the api-read profile.
  const setSecurityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) =>
    setSecurityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Accord API',
        version: '1',
        description: 'Cross-border commercial mediation: intake, case lifecycle, court docking.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'accord_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerAuthentication(app, deps);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const register of routeModules) register(app, deps);
  return app;
}
