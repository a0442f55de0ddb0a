import { z } from 'zod';
import { caseStatuses } from '../../domain/case-status.js';
import { inviteParty } from '../../use-cases/cases/invite-party.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { requireCaseVersion, versionField } from './case-routes.js';

export function registerPartyInvitationRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/cases/:id/parties/:partyId/invitations',
    {
      schema: {
        tags: ['cases'],
        summary:
          "Invite a party to follow the case: a one-time sign-in link is e-mailed in the party's language; earlier unused links stop working (officer)",
        params: z.strictObject({ id: z.string().max(64), partyId: z.uuid() }),
        body: z.strictObject({ version: versionField }),
        response: {
          201: z.object({
            id: z.string(),
            status: z.enum(caseStatuses),
            version: z.number(),
            partyId: z.string(),
            expiresAt: z.string(),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await inviteParty(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        partyId: req.params.partyId,
        version: requireCaseVersion(req, req.body.version),
      });
      return reply.status(201).send({
        id: req.params.id,
        status: r.status as (typeof caseStatuses)[number],
        version: r.version,
        partyId: r.partyId,
        expiresAt: r.expiresAt,
      });
    },
  );
}
