import { z } from 'zod';
import { objectToTeamMember } from '../../use-cases/cases/object-to-team-member.js';
import { setCaseTeam } from '../../use-cases/cases/set-case-team.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import {
  caseIdParams,
  reasonField,
  requireCaseVersion,
  transitionResult,
  versionField,
} from './case-routes.js';

export function registerCaseTeamRoutes(app: AppInstance, deps: AppDeps): void {
  app.put(
    '/api/v1/cases/:id/team',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Set the team: a lead and (when any party is foreign) a lawyer, optionally a third mediator and an interpreter (officer)',
        params: caseIdParams,
        body: z.strictObject({
          version: versionField,
          lead: z.uuid(),
          lawyer: z.uuid().optional(),
          third: z.uuid().optional(),
          interpreter: z.uuid().optional(),
        }),
        response: { 200: transitionResult },
      },
    },
    async (req) => {
      const { version, ...team } = req.body;
      const r = await setCaseTeam(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        version: requireCaseVersion(req, version),
        team,
      });
      return { id: req.params.id, status: r.status, version: r.version };
    },
  );

  app.post(
    '/api/v1/cases/:id/team/objections',
    {
      schema: {
        tags: ['cases'],
        summary: 'Object to a team member, with a reason (a party, once per case)',
        params: caseIdParams,
        body: z.strictObject({ version: versionField, mediatorId: z.uuid(), reason: reasonField }),
        response: { 201: transitionResult.extend({ objectionId: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await objectToTeamMember(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        version: requireCaseVersion(req, req.body.version),
        mediatorId: req.body.mediatorId,
        reason: req.body.reason,
      });
      return reply.status(201).send({
        id: req.params.id,
        status: r.status,
        version: r.version,
        objectionId: r.objectionId,
      });
    },
  );
}
