import { z } from 'zod';
import {
  listOrgAuditEvents,
  verifyOrgAuditChain,
} from '../../use-cases/trust/list-audit-events.js';
import { setPublicFigures } from '../../use-cases/orgs/set-public-figures.js';
import { showOrgSettings } from '../../use-cases/orgs/show-org-settings.js';
import { requireActor } from '../authenticate-request.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';

const orgParams = z.strictObject({ orgId: z.uuid() });

/** The director's settings and the organisation's audit log. */
export function registerOrgSettingsRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/orgs/:orgId/settings',
    {
      schema: {
        tags: ['settings'],
        summary: "The organisation's settings (director, officer)",
        params: orgParams,
      },
    },
    async (req) => showOrgSettings(deps, { actor: requireActor(req), orgId: req.params.orgId }),
  );

  app.put(
    '/api/v1/orgs/:orgId/settings/public-figures',
    {
      schema: {
        tags: ['settings'],
        summary: 'Publish the headline figures on the public page, or withdraw them (director)',
        params: orgParams,
        body: z.strictObject({ enabled: z.boolean() }),
        response: { 200: z.object({ publicFigures: z.boolean() }) },
      },
    },
    async (req) =>
      setPublicFigures(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        enabled: req.body.enabled,
      }),
  );

  app.get(
    '/api/v1/orgs/:orgId/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: "The organisation's audit log, newest first (director)",
        params: orgParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          beforeSeq: z.coerce.number().int().min(1).optional(),
          caseId: z.uuid().optional(),
        }),
      },
    },
    async (req) =>
      listOrgAuditEvents(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        limit: req.query.limit,
        beforeSeq: req.query.beforeSeq,
        caseId: req.query.caseId,
      }),
  );

  app.get(
    '/api/v1/orgs/:orgId/audit-events/verification',
    {
      schema: {
        tags: ['audit'],
        summary: "Recompute the organisation's audit hash chain (director)",
        params: orgParams,
      },
    },
    async (req) => verifyOrgAuditChain(deps, { actor: requireActor(req), orgId: req.params.orgId }),
  );
}
