import { z } from 'zod';
import { getPublicSummary } from '../../use-cases/stats/get-public-summary.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';

const publicFigures = z.object({
  casesAccepted: z.number().nullable(),
  casesConcluded: z.number().nullable(),
  casesSucceeded: z.number().nullable(),
  successRate: z.number().nullable(),
  amountAgreedCny: z.number().nullable(),
  amountRecoveredCny: z.number().nullable(),
  medianDaysToConclusion: z.number().nullable(),
  suppressed: z.boolean(),
  to: z.string(),
});

export function registerPublicRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/public/summary',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Published headline figures of a committee (no account; small groups withheld)',
        querystring: z.strictObject({
          orgSlug: z.string().min(1).max(100).optional(),
          lang: z.string().max(20).optional(),
        }),
        response: {
          200: z.object({
            org: z.object({ slug: z.string(), name: z.string(), nameEn: z.string() }),
            allTime: publicFigures,
            currentYear: publicFigures.extend({ year: z.number().int() }),
          }),
        },
      },
    },
    async (req) => getPublicSummary(deps, { orgSlug: req.query.orgSlug }),
  );
}
