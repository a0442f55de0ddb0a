import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import {
  addRawFigures,
  emptyRawFigures,
  type RawFigures,
} from '../../domain/statistics/stats-figures.js';
import { splitPeriodByMonth, type StatsPeriod } from '../../domain/statistics/stats-period.js';
import type { StatsDimension } from '../../domain/statistics/stats-dimensions.js';

/** Which organisations a query covers: a list, or every organisation (a whole country). */
export type OrgScope = { orgIds: string[] } | { all: true };

export type RollupDimension =
  | 'category'
  | 'national_category'
  | 'source'
  | 'month'
  | 'year'
  /** `national_category|source`, for the official report's source columns. */
  | 'national_category_source';

interface FigureRow {
  k: string;
  accepted: number | string | null;
  concluded: number | string | null;
  succeeded: number | string | null;
  agreed: number | string | null;
  recovered: number | string | null;
}

const num = (v: number | string | null | undefined): number => Number(v ?? 0);

function keyOnDaily(by: RollupDimension | undefined): RawBuilder<string> {
  switch (by) {
    case undefined:
      return sql<string>`''`;
    case 'month':
      return sql<string>`substr(day, 1, 7)`;
    case 'year':
      return sql<string>`substr(day, 1, 4)`;
    case 'national_category_source':
      return sql<string>`national_category || '|' || source`;
    default:
      return sql<string>`${sql.ref(by)}`;
  }
}

function keyOnMonthly(by: RollupDimension | undefined): RawBuilder<string> {
  switch (by) {
    case undefined:
      return sql<string>`''`;
    case 'month':
      return sql<string>`month`;
    case 'year':
      return sql<string>`substr(month, 1, 4)`;
    case 'national_category_source':
      return sql<string>`national_category || '|' || source`;
    default:
      return sql<string>`${sql.ref(by)}`;
  }
}

const sums = sql`sum(accepted) as accepted, sum(concluded) as concluded, sum(succeeded) as succeeded,
  sum(agreed_cny_minor) as agreed, sum(recovered_cny_minor) as recovered`;

function mergeFigureRows(out: Map<string, RawFigures>, rows: FigureRow[]): void {
  for (const r of rows) {
    const f = out.get(r.k) ?? emptyRawFigures();
    addRawFigures(f, {
      accepted: num(r.accepted),
      concluded: num(r.concluded),
      succeeded: num(r.succeeded),
      agreedCnyMinor: num(r.agreed),
      recoveredCnyMinor: num(r.recovered),
    });
    out.set(r.k, f);
  }
}

function mergeDurationRows(
  out: Map<string, RawFigures>,
  rows: { k: string; days: number | string; n: number | string }[],
): void {
  for (const r of rows) {
    const f = out.get(r.k) ?? emptyRawFigures();
    addRawFigures(f, { durations: new Map([[num(r.days), num(r.n)]]) });
    out.set(r.k, f);
  }
}

// PostgreSQL refuses GROUP BY on a constant, so the ungrouped total has no GROUP BY at all.
const groupBy = (by: RollupDimension | undefined, k: RawBuilder<string>, ...more: string[]) => {
  const cols = [...(by === undefined ? [] : [k]), ...more.map((c) => sql.ref(c))];
  return cols.length ? sql`group by ${sql.join(cols)}` : sql``;
};

const orgFilter = (scope: OrgScope) =>
  'all' in scope ? sql`1 = 1` : sql`org_id in (${sql.join(scope.orgIds)})`;

/**
 * Figures per group from the roll-up tables. An organisation-scoped query reads the daily
 * rows of those organisations; a whole-country query reads the national monthly rows for the
 * whole months of the period and daily rows only for the partial months at its edges, so its
 * cost does not grow with the number of cases.
 * Durations are kept per day only, so the median is filled in for time groups and the total.
 */
export async function readRollupFigures(
  db: Kysely<Database>,
  o: { scope: OrgScope; period: StatsPeriod; by?: RollupDimension },
): Promise<Map<string, RawFigures>> {
  const out = new Map<string, RawFigures>();
  if ('orgIds' in o.scope && o.scope.orgIds.length === 0) return out;
  const withDurations = o.by === undefined || o.by === 'month' || o.by === 'year';
  const dailyRanges: StatsPeriod[] = [];
  if ('all' in o.scope) {
    const split = splitPeriodByMonth(o.period);
    dailyRanges.push(...split.edges);
    if (split.months) {
      const m = split.months;
      const k = keyOnMonthly(o.by);
      const rows = await sql<FigureRow>`select ${k} as k, ${sums} from stats_monthly
        where month >= ${m.from} and month <= ${m.to} ${groupBy(o.by, k)}`.execute(db);
      mergeFigureRows(out, rows.rows);
      if (withDurations) {
        const d = await sql<{ k: string; days: number; n: number }>`
          select ${k} as k, days, sum(n) as n from stats_durations_monthly
          where month >= ${m.from} and month <= ${m.to} ${groupBy(o.by, k, 'days')}`.execute(db);
        mergeDurationRows(out, d.rows);
      }
    }
  } else {
    dailyRanges.push(o.period);
  }
  const k = keyOnDaily(o.by);
  for (const r of dailyRanges) {
    const rows = await sql<FigureRow>`select ${k} as k, ${sums} from stats_daily
      where ${orgFilter(o.scope)} and day >= ${r.from} and day <= ${r.to} ${groupBy(o.by, k)}`.execute(
      db,
    );
    mergeFigureRows(out, rows.rows);
    if (withDurations) {
      const d = await sql<{ k: string; days: number; n: number }>`
        select ${k} as k, days, sum(n) as n from stats_durations
        where ${orgFilter(o.scope)} and day >= ${r.from} and day <= ${r.to}
        ${groupBy(o.by, k, 'days')}`.execute(db);
      mergeDurationRows(out, d.rows);
    }
  }
  return out;
}

/** Current number of cases per status, from the roll-up. */
export async function readStatusCounts(
  db: Kysely<Database>,
  scope: OrgScope,
): Promise<Map<string, number>> {
  const rows = await sql<{ status: string; n: number }>`select status, sum(n) as n from stats_status
    where ${orgFilter(scope)} group by status`.execute(db);
  return new Map(rows.rows.map((r) => [r.status, num(r.n)]));
}

/**
 * Cases still under mediation whose one-month deadline (or its extension) has passed: whole
 * past days from the roll-up, plus the cases due earlier today from the index.
 */
export async function countOverdueCases(
  db: Kysely<Database>,
  scope: OrgScope,
  nowIso: string,
): Promise<number> {
  if ('orgIds' in scope && scope.orgIds.length === 0) return 0;
  const today = nowIso.slice(0, 10);
  const past = await sql<{ n: number | null }>`select sum(n) as n from stats_due
    where ${orgFilter(scope)} and day < ${today}`.execute(db);
  let q = db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['accepted', 'in_mediation'])
    .where('mediation_due_at', '>=', today)
    .where('mediation_due_at', '<', nowIso);
  if ('orgIds' in scope) q = q.where('org_id', 'in', scope.orgIds);
  const dueToday = await q.executeTakeFirstOrThrow();
  return num(past.rows[0]?.n) + num(dueToday.n);
}

export type { StatsDimension };
