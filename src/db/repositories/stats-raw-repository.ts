import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { isPostgres } from '../detect-engine.js';
import { familyOf } from '../../domain/language-families.js';
import {
  addRawFigures,
  emptyRawFigures,
  type RawFigures,
} from '../../domain/statistics/stats-figures.js';
import type { StatsPeriod } from '../../domain/statistics/stats-period.js';
import type { StatsDimension } from '../../domain/statistics/stats-dimensions.js';
import type { OrgScope } from './stats-rollup-repository.js';

const num = (v: unknown): number => Number(v ?? 0);

/** The instant just after the last day of the period, for index-friendly `< end` bounds. */
function endOf(p: StatsPeriod): string {
  const d = new Date(p.to + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function daysExpr(db: Kysely<Database>): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(substr(c.concluded_at, 1, 10)::date - substr(c.accepted_at, 1, 10)::date)`
    : sql<number>`cast(julianday(substr(c.concluded_at, 1, 10)) - julianday(substr(c.accepted_at, 1, 10)) as integer)`;
}

/**
 * The join that attaches a group key `d.k` to each case (one row per case and group) and the
 * key expression given the date column the metric is about.
 */
async function dimensionOf(
  db: Kysely<Database>,
  by: StatsDimension | undefined,
): Promise<{
  join: RawBuilder<unknown>;
  key: (dateCol: RawBuilder<unknown>) => RawBuilder<string>;
}> {
  const none = sql``;
  switch (by) {
    case undefined:
      return { join: none, key: () => sql<string>`''` };
    case 'category':
    case 'national_category':
    case 'source':
      return { join: none, key: () => sql<string>`${sql.ref('c.' + by)}` };
    case 'month':
      return { join: none, key: (d) => sql<string>`substr(${d}, 1, 7)` };
    case 'year':
      return { join: none, key: (d) => sql<string>`substr(${d}, 1, 4)` };
    case 'country':
      return {
        join: sql`join (select distinct case_id, country as k from case_parties) d on d.case_id = c.id`,
        key: () => sql<string>`d.k`,
      };
    case 'language':
      return {
        join: sql`join (select case_id, language as k from case_languages) d on d.case_id = c.id`,
        key: () => sql<string>`d.k`,
      };
    case 'mediator':
      return {
        join: sql`join (select distinct case_id, mediator_id as k from case_team_members
          where removed_at is null) d on d.case_id = c.id`,
        key: () => sql<string>`d.k`,
      };
    case 'family': {
      // Families come from CLDR (src/domain), not from SQL: map the languages in use.
      const langs = await db.selectFrom('case_languages').select('language').distinct().execute();
      const pairs = langs
        .map((l) => [l.language, familyOf(l.language) ?? 'und'] as const)
        .map(([l, f]) => sql`select ${l} as language, ${f} as family`);
      if (pairs.length === 0) pairs.push(sql`select '' as language, '' as family`);
      return {
        join: sql`join (select distinct cl.case_id, f.family as k from case_languages cl
          join (${sql.join(pairs, sql` union all `)}) f on f.language = cl.language) d on d.case_id = c.id`,
        key: () => sql<string>`d.k`,
      };
    }
  }
}

/** Figures per group recomputed from the raw case and payment rows. */
export async function computeRawFigures(
  db: Kysely<Database>,
  o: { scope: OrgScope; period: StatsPeriod; by?: StatsDimension },
): Promise<Map<string, RawFigures>> {
  const out = new Map<string, RawFigures>();
  if ('orgIds' in o.scope && o.scope.orgIds.length === 0) return out;
  const orgs = 'all' in o.scope ? sql`1 = 1` : sql`c.org_id in (${sql.join(o.scope.orgIds)})`;
  const { from } = o.period;
  const end = endOf(o.period);
  const dim = await dimensionOf(db, o.by);
  // PostgreSQL refuses GROUP BY on a constant, so the ungrouped total has no GROUP BY at all.
  const groupBy = (k: RawBuilder<string>, ...more: RawBuilder<unknown>[]) => {
    const cols = [...(o.by === undefined ? [] : [k]), ...more];
    return cols.length ? sql`group by ${sql.join(cols)}` : sql``;
  };
  const add = (k: string, f: Partial<RawFigures>) =>
    out.set(k, addRawFigures(out.get(k) ?? emptyRawFigures(), f));

  const kA = dim.key(sql`c.accepted_at`);
  const accepted = await sql<{ k: string; n: number }>`select ${kA} as k, count(*) as n
    from cases c ${dim.join} where ${orgs} and c.accepted_at >= ${from} and c.accepted_at < ${end}
    ${groupBy(kA)}`.execute(db);
  for (const r of accepted.rows) add(r.k, { accepted: num(r.n) });

  const kC = dim.key(sql`c.concluded_at`);
  const days = daysExpr(db);
  const concluded = await sql<{ k: string; days: number | null; n: number; s: number }>`
    select ${kC} as k, ${days} as days, count(*) as n,
      sum(case when c.outcome = 'agreed' then 1 else 0 end) as s
    from cases c ${dim.join}
    where ${orgs} and c.concluded_at >= ${from} and c.concluded_at < ${end}
      and c.outcome in ('agreed', 'failed')
    ${groupBy(kC, days)}`.execute(db);
  for (const r of concluded.rows) {
    add(r.k, {
      concluded: num(r.n),
      succeeded: num(r.s),
      durations: r.days === null ? new Map() : new Map([[num(r.days), num(r.n)]]),
    });
  }

  const kG = dim.key(sql`c.agreed_at`);
  const agreed = await sql<{ k: string; a: number }>`
    select ${kG} as k, sum(c.agreed_amount_cny_minor) as a from cases c ${dim.join}
    where ${orgs} and c.outcome = 'agreed' and c.agreed_at >= ${from} and c.agreed_at < ${end}
      and c.agreed_amount_cny_minor is not null
    ${groupBy(kG)}`.execute(db);
  for (const r of agreed.rows) add(r.k, { agreedCnyMinor: num(r.a) });

  const kP = dim.key(sql`p.paid_on`);
  const recovered = await sql<{ k: string; a: number }>`
    select ${kP} as k, sum(p.amount_cny_minor) as a from payments p
    join cases c on c.id = p.case_id ${dim.join}
    where ${orgs} and p.paid_on >= ${from} and p.paid_on <= ${o.period.to}
    ${groupBy(kP)}`.execute(db);
  for (const r of recovered.rows) add(r.k, { recoveredCnyMinor: num(r.a) });
  return out;
}

export interface RollupMismatch {
  table: string;
  key: string;
  stored: string;
  recomputed: string;
}

function diffRows(
  table: string,
  stored: Map<string, string>,
  recomputed: Map<string, string>,
  zero: string,
): RollupMismatch[] {
  const out: RollupMismatch[] = [];
  for (const key of new Set([...stored.keys(), ...recomputed.keys()])) {
    const s = stored.get(key) ?? zero;
    const r = recomputed.get(key) ?? zero;
    if (s !== r) out.push({ table, key, stored: s, recomputed: r });
  }
  return out;
}

/**
 * Recomputes every roll-up table from the raw rows and lists the differences (empty means
 * consistent). Reads whole tables: an operator's check, not a request-path query.
 */
export async function findRollupMismatches(db: Kysely<Database>): Promise<RollupMismatch[]> {
  const days = daysExpr(db);
  const figs = (r: Record<string, unknown>) =>
    ['accepted', 'concluded', 'succeeded', 'agreed', 'recovered'].map((c) => num(r[c])).join('/');
  const zero = '0/0/0/0/0';
  // One row per contribution (what the triggers add), then summed per key.
  const contributions = sql`
    select c.org_id, substr(c.accepted_at, 1, 10) as day, c.category, c.source,
      1 as accepted, 0 as concluded, 0 as succeeded, 0 as agreed, 0 as recovered
      from cases c where c.accepted_at is not null
    union all
    select c.org_id, substr(c.concluded_at, 1, 10), c.category, c.source,
      0, 1, case when c.outcome = 'agreed' then 1 else 0 end, 0, 0
      from cases c where c.concluded_at is not null and c.outcome in ('agreed', 'failed')
    union all
    select c.org_id, substr(c.agreed_at, 1, 10), c.category, c.source,
      0, 0, 0, c.agreed_amount_cny_minor, 0
      from cases c where c.outcome = 'agreed' and c.agreed_at is not null
        and c.agreed_amount_cny_minor is not null
    union all
    select p.org_id, p.paid_on, c.category, c.source, 0, 0, 0, 0, p.amount_cny_minor
      from payments p join cases c on c.id = p.case_id`;
  const sums = sql`sum(accepted) as accepted, sum(concluded) as concluded,
    sum(succeeded) as succeeded, sum(agreed) as agreed, sum(recovered) as recovered`;

  const mismatches: RollupMismatch[] = [];
  const dailyRaw = await sql<Record<string, unknown>>`select org_id, day, category, source, ${sums}
    from (${contributions}) x group by org_id, day, category, source`.execute(db);
  const dailyStored = await sql<Record<string, unknown>>`select org_id, day, category, source,
    accepted, concluded, succeeded, agreed_cny_minor as agreed, recovered_cny_minor as recovered
    from stats_daily`.execute(db);
  const dailyKey = (r: Record<string, unknown>) => `${r.org_id}|${r.day}|${r.category}|${r.source}`;
  mismatches.push(
    ...diffRows(
      'stats_daily',
      new Map(dailyStored.rows.map((r) => [dailyKey(r), figs(r)])),
      new Map(dailyRaw.rows.map((r) => [dailyKey(r), figs(r)])),
      zero,
    ),
  );

  const monthlyRaw = await sql<Record<string, unknown>>`select substr(day, 1, 7) as month,
    category, source, ${sums} from (${contributions}) x
    group by substr(day, 1, 7), category, source`.execute(db);
  const monthlyStored = await sql<Record<string, unknown>>`select month, category, source,
    accepted, concluded, succeeded, agreed_cny_minor as agreed, recovered_cny_minor as recovered
    from stats_monthly`.execute(db);
  const monthlyKey = (r: Record<string, unknown>) => `${r.month}|${r.category}|${r.source}`;
  mismatches.push(
    ...diffRows(
      'stats_monthly',
      new Map(monthlyStored.rows.map((r) => [monthlyKey(r), figs(r)])),
      new Map(monthlyRaw.rows.map((r) => [monthlyKey(r), figs(r)])),
      zero,
    ),
  );

  const concludedCases = sql`from cases c where c.concluded_at is not null
    and c.outcome in ('agreed', 'failed') and c.accepted_at is not null`;
  const durRaw = await sql<
    Record<string, unknown>
  >`select c.org_id, substr(c.concluded_at, 1, 10) as day,
    ${days} as days, count(*) as n ${concludedCases}
    group by c.org_id, substr(c.concluded_at, 1, 10), ${days}`.execute(db);
  const durStored = await sql<Record<string, unknown>>`select org_id, day, days, n
    from stats_durations`.execute(db);
  const durKey = (r: Record<string, unknown>) => `${r.org_id}|${r.day}|${num(r.days)}`;
  mismatches.push(
    ...diffRows(
      'stats_durations',
      new Map(durStored.rows.map((r) => [durKey(r), String(num(r.n))])),
      new Map(durRaw.rows.map((r) => [durKey(r), String(num(r.n))])),
      '0',
    ),
  );

  const durMRaw = await sql<Record<string, unknown>>`select substr(c.concluded_at, 1, 7) as month,
    ${days} as days, count(*) as n ${concludedCases}
    group by substr(c.concluded_at, 1, 7), ${days}`.execute(db);
  const durMStored = await sql<Record<string, unknown>>`select month, days, n
    from stats_durations_monthly`.execute(db);
  const durMKey = (r: Record<string, unknown>) => `${r.month}|${num(r.days)}`;
  mismatches.push(
    ...diffRows(
      'stats_durations_monthly',
      new Map(durMStored.rows.map((r) => [durMKey(r), String(num(r.n))])),
      new Map(durMRaw.rows.map((r) => [durMKey(r), String(num(r.n))])),
      '0',
    ),
  );

  const statusRaw = await sql<Record<string, unknown>>`select org_id, status, count(*) as n
    from cases group by org_id, status`.execute(db);
  const statusStored = await sql<Record<string, unknown>>`select org_id, status, n
    from stats_status`.execute(db);
  const statusKey = (r: Record<string, unknown>) => `${r.org_id}|${r.status}`;
  mismatches.push(
    ...diffRows(
      'stats_status',
      new Map(statusStored.rows.map((r) => [statusKey(r), String(num(r.n))])),
      new Map(statusRaw.rows.map((r) => [statusKey(r), String(num(r.n))])),
      '0',
    ),
  );

  const dueRaw = await sql<Record<string, unknown>>`select org_id,
    substr(mediation_due_at, 1, 10) as day, count(*) as n from cases
    where status in ('accepted', 'in_mediation') and mediation_due_at is not null
    group by org_id, substr(mediation_due_at, 1, 10)`.execute(db);
  const dueStored = await sql<Record<string, unknown>>`select org_id, day, n
    from stats_due`.execute(db);
  const dueKey = (r: Record<string, unknown>) => `${r.org_id}|${r.day}`;
  mismatches.push(
    ...diffRows(
      'stats_due',
      new Map(dueStored.rows.map((r) => [dueKey(r), String(num(r.n))])),
      new Map(dueRaw.rows.map((r) => [dueKey(r), String(num(r.n))])),
      '0',
    ),
  );
  return mismatches;
}
