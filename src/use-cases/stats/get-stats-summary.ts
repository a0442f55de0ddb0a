import type { Actor } from '../../domain/authorize-case-access.js';
import { requireStatsPeriod } from '../../domain/statistics/stats-period.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeStatsSummary, type StatsSummary } from './compute-stats-summary.js';
import { requireStatsOrg } from './require-stats-org.js';

/** GET /stats/summary: the caller's organisation's figures for a period. */
export async function getStatsSummary(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string; from?: string; to?: string },
): Promise<StatsSummary & { orgId: string }> {
  const orgId = requireStatsOrg(o.actor, o.orgId);
  const now = ctx.clock.now().toISOString();
  const period = requireStatsPeriod({ from: o.from, to: o.to }, now.slice(0, 10));
  const summary = await computeStatsSummary(ctx.db, {
    scope: { orgIds: [orgId] },
    period,
    nowIso: now,
  });
  return { orgId, ...summary };
}
