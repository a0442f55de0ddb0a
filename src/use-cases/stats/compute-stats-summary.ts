import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  countOverdueCases,
  readRollupFigures,
  readStatusCounts,
  type OrgScope,
} from '../../db/repositories/stats-rollup-repository.js';
import { openStatuses } from '../../domain/case-status.js';
import {
  deriveFigures,
  emptyRawFigures,
  type StatsFigures,
} from '../../domain/statistics/stats-figures.js';
import type { StatsPeriod } from '../../domain/statistics/stats-period.js';

export interface StatsSummary extends StatsFigures {
  from: string;
  to: string;
  /** Cases not yet finished for the committee (every state but rejected, fulfilled, withdrawn, referred), now. */
  openCases: number;
  /** Cases under mediation whose deadline has passed, now. */
  overdueCases: number;
}

/**
 * The headline figures for a scope and period, from the roll-ups. No authorisation here:
 * callers (the stats, report and public use cases, the benchmark) decide the scope.
 */
export async function computeStatsSummary(
  db: Kysely<Database>,
  o: { scope: OrgScope; period: StatsPeriod; nowIso: string },
): Promise<StatsSummary> {
  const [figures, statuses, overdue] = await Promise.all([
    readRollupFigures(db, { scope: o.scope, period: o.period }),
    readStatusCounts(db, o.scope),
    countOverdueCases(db, o.scope, o.nowIso),
  ]);
  const open = openStatuses.reduce((s, st) => s + (statuses.get(st) ?? 0), 0);
  return {
    from: o.period.from,
    to: o.period.to,
    ...deriveFigures(figures.get('') ?? emptyRawFigures()),
    openCases: open,
    overdueCases: overdue,
  };
}
