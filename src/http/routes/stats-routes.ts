import { z } from 'zod';
import { statsDimensions } from '../../domain/statistics/stats-dimensions.js';
import { getStatsBreakdown } from '../../use-cases/stats/get-stats-breakdown.js';
import { getStatsSummary } from '../../use-cases/stats/get-stats-summary.js';
import { requireActor } from '../authenticate-request.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';

// Dates are checked by the use case (real calendar days, order, span) so that each failure
// names its field; here they only need to look like dates.
const day = z.string().max(10);
export const periodQuery = {
  from: day.optional(),
  to: day.optional(),
  lang: z.string().max(20).optional(),
};

export const figuresSchema = z.object({
  casesAccepted: z.number().int(),
  casesConcluded: z.number().int(),
  casesSucceeded: z.number().int(),
  successRate: z.number().nullable(),
  amountAgreedCny: z.number(),
  amountRecoveredCny: z.number(),
  medianDaysToConclusion: z.number().nullable(),
});

const summarySchema = figuresSchema.extend({
  orgId: z.string(),
  from: z.string(),
  to: z.string(),
  openCases: z.number().int(),
  overdueCases: z.number().int(),
});

const breakdownSchema = z.object({
  orgId: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.enum(statsDimensions),
  items: z.array(figuresSchema.extend({ key: z.string(), label: z.string().optional() })),
});

export function registerStatsRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/stats/summary',
    {
      schema: {
        tags: ['stats'],
        summary: "Headline figures (DESIGN §4) of the caller's organisation for a period",
        querystring: z.strictObject({ ...periodQuery, orgId: z.string().max(64).optional() }),
        response: { 200: summarySchema },
      },
    },
    async (req) =>
      getStatsSummary(deps, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        from: req.query.from,
        to: req.query.to,
      }),
  );

  app.get(
    '/api/v1/stats/breakdown',
    {
      schema: {
        tags: ['stats'],
        summary:
          'The same figures per category, country, language, family, mediator, source or month',
        querystring: z.strictObject({
          ...periodQuery,
          orgId: z.string().max(64).optional(),
          by: z.enum(statsDimensions),
        }),
        response: { 200: breakdownSchema },
      },
    },
    async (req) =>
      getStatsBreakdown(deps, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        from: req.query.from,
        to: req.query.to,
        by: req.query.by,
      }),
  );
}
