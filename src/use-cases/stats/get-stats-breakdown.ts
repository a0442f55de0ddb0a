import type { Actor } from '../../domain/authorize-case-access.js';
import type { StatsDimension } from '../../domain/statistics/stats-dimensions.js';
import { requireStatsPeriod } from '../../domain/statistics/stats-period.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeStatsBreakdown, type StatsGroup } from './compute-stats-breakdown.js';
import { requireStatsOrg } from './require-stats-org.js';

/** GET /stats/breakdown: the caller's organisation's figures per group for a period. */
export async function getStatsBreakdown(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string; from?: string; to?: string; by: StatsDimension },
): Promise<{ orgId: string; from: string; to: string; by: StatsDimension; items: StatsGroup[] }> {
  const orgId = requireStatsOrg(o.actor, o.orgId);
  const period = requireStatsPeriod(
    { from: o.from, to: o.to },
    ctx.clock.now().toISOString().slice(0, 10),
  );
  const items = await computeStatsBreakdown(ctx.db, {
    scope: { orgIds: [orgId] },
    period,
    by: o.by,
  });
  return { orgId, ...period, by: o.by, items };
}
