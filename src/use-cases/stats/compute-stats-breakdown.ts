import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { computeRawFigures } from '../../db/repositories/stats-raw-repository.js';
import { findMediatorNames } from '../../db/repositories/stats-org-repository.js';
import {
  readRollupFigures,
  type OrgScope,
  type RollupDimension,
} from '../../db/repositories/stats-rollup-repository.js';
import { rollupDimensions, type StatsDimension } from '../../domain/statistics/stats-dimensions.js';
import { deriveFigures, type StatsFigures } from '../../domain/statistics/stats-figures.js';
import type { StatsPeriod } from '../../domain/statistics/stats-period.js';

export interface StatsGroup extends StatsFigures {
  key: string;
  /** A display name where the key is an id (mediators). */
  label?: string;
}

/**
 * Figures per group. Category, source and time groups come from the roll-ups; the roll-ups
 * hold durations per day only, so for an organisation's category or source groups the median
 * is taken from the raw rows (an indexed scan of that organisation's period). Country,
 * language, family and mediator groups are computed from the raw rows.
 */
export async function computeStatsBreakdown(
  db: Kysely<Database>,
  o: { scope: OrgScope; period: StatsPeriod; by: StatsDimension },
): Promise<StatsGroup[]> {
  let groups;
  if (rollupDimensions.includes(o.by)) {
    groups = await readRollupFigures(db, { ...o, by: o.by as RollupDimension });
    if (o.by !== 'month' && o.by !== 'year' && 'orgIds' in o.scope) {
      const raw = await computeRawFigures(db, o);
      for (const [k, f] of groups) f.durations = raw.get(k)?.durations ?? new Map();
    }
  } else {
    groups = await computeRawFigures(db, o);
  }
  const names = o.by === 'mediator' ? await findMediatorNames(db, [...groups.keys()]) : undefined;
  return [...groups.entries()]
    .map(([key, f]) => ({
      key,
      ...(names?.has(key) ? { label: names.get(key)! } : {}),
      ...deriveFigures(f),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
