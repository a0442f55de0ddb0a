import { z } from 'zod';
import { matchingWeightsSchema } from '../../domain/matching/matching-weights.js';
import { getMatchingWeights } from '../../use-cases/matching/get-matching-weights.js';
import { proposeTeam } from '../../use-cases/matching/propose-team.js';
import { setMatchingWeights } from '../../use-cases/matching/set-matching-weights.js';
import { suggestTeam } from '../../use-cases/matching/suggest-team.js';
import { languageCoverageReport } from '../../use-cases/reports/language-coverage-report.js';
import { requireActor } from '../authenticate-request.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';
import { localeOfRequest } from '../map-error.js';

const caseParams = z.strictObject({ id: z.string().max(64) });
const langQuery = z.string().max(20).optional();

export function registerMatchingRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:id/team-suggestions',
    {
      schema: {
        tags: ['matching'],
        summary: 'Ranked lead mediators and lawyers for a case, with reasons',
        params: caseParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(50).default(10),
          lang: langQuery,
        }),
      },
    },
    async (req) =>
      suggestTeam(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        locale: localeOfRequest(req),
        limit: req.query.limit,
      }),
  );

  const propose = {
    schema: {
      tags: ['matching'],
      summary: 'The best lead with the best lawyer, conflicts excluded (not stored)',
      params: caseParams,
      querystring: z.strictObject({ lang: langQuery }),
    },
  };
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/api/v1/cases/:id/team-proposal',
      ...propose,
      handler: async (req) =>
        proposeTeam(deps, {
          actor: requireActor(req),
          caseId: (req.params as { id: string }).id,
          locale: localeOfRequest(req),
        }),
    });
  }

  app.get(
    '/api/v1/orgs/:orgId/matching-weights',
    {
      schema: {
        tags: ['matching'],
        summary: "The org's matching weights and the defaults",
        params: z.strictObject({ orgId: z.uuid() }),
      },
    },
    async (req) => getMatchingWeights(deps, { actor: requireActor(req), orgId: req.params.orgId }),
  );

  app.put(
    '/api/v1/orgs/:orgId/matching-weights',
    {
      schema: {
        tags: ['matching'],
        summary: 'Tune the matching weights (director); omitted weights use the default',
        params: z.strictObject({ orgId: z.uuid() }),
        body: matchingWeightsSchema,
      },
    },
    async (req) => ({
      weights: await setMatchingWeights(deps, {
        actor: requireActor(req),
        orgId: req.params.orgId,
        weights: req.body,
      }),
    }),
  );

  app.get(
    '/api/v1/reports/language-coverage',
    {
      schema: {
        tags: ['reports'],
        summary: 'Languages and families cases needed in a period, mediators covering each, gaps',
        querystring: z.strictObject({
          from: z.iso.date(),
          to: z.iso.date(),
          orgId: z.uuid().optional(),
          lang: langQuery,
        }),
      },
    },
    async (req) =>
      languageCoverageReport(deps, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        from: req.query.from,
        to: req.query.to,
        locale: localeOfRequest(req),
      }),
  );
}
