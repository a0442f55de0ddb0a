import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { readRollupFigures } from '../../db/repositories/stats-rollup-repository.js';
import {
  caseSources,
  nationalCategories,
  type CaseSource,
  type NationalCategory,
} from '../../domain/dispute-categories.js';
import type { OfficialReportRow } from '../../domain/statistics/official-report.js';
import type { StatsPeriod } from '../../domain/statistics/stats-period.js';
import { deriveFigures, emptyRawFigures } from '../../domain/statistics/stats-figures.js';

const zeroSources = (): Record<CaseSource, number> =>
  Object.fromEntries(caseSources.map((s) => [s, 0])) as Record<CaseSource, number>;

/**
 * The people's-mediation statistics table: one row per national category (every category,
 * zero rows included, as the national form has them) and a total row, from the same
 * definitions as the API.
 */
export async function buildOfficialReport(
  db: Kysely<Database>,
  o: { orgId: string; period: StatsPeriod },
): Promise<OfficialReportRow[]> {
  const groups = await readRollupFigures(db, {
    scope: { orgIds: [o.orgId] },
    period: o.period,
    by: 'national_category_source',
  });
  const perCategory = new Map<string, ReturnType<typeof emptyRawFigures>>();
  const sources = new Map<string, Record<CaseSource, number>>();
  for (const [key, f] of groups) {
    const [category, source] = key.split('|') as [string, CaseSource];
    const agg = perCategory.get(category) ?? emptyRawFigures();
    agg.accepted += f.accepted;
    agg.concluded += f.concluded;
    agg.succeeded += f.succeeded;
    agg.agreedCnyMinor += f.agreedCnyMinor;
    perCategory.set(category, agg);
    const s = sources.get(category) ?? zeroSources();
    if (source in s) s[source] += f.accepted;
    sources.set(category, s);
  }
  const rows: OfficialReportRow[] = nationalCategories.map((c: NationalCategory) => {
    const d = deriveFigures(perCategory.get(c) ?? emptyRawFigures());
    return {
      category: c,
      accepted: d.casesAccepted,
      succeeded: d.casesSucceeded,
      concluded: d.casesConcluded,
      successRate: d.successRate,
      amountAgreedCny: d.amountAgreedCny,
      acceptedBySource: sources.get(c) ?? zeroSources(),
    };
  });
  const total = emptyRawFigures();
  const totalSources = zeroSources();
  for (const f of perCategory.values()) {
    total.accepted += f.accepted;
    total.concluded += f.concluded;
    total.succeeded += f.succeeded;
    total.agreedCnyMinor += f.agreedCnyMinor;
  }
  for (const s of sources.values()) for (const k of caseSources) totalSources[k] += s[k];
  const t = deriveFigures(total);
  rows.push({
    category: 'total',
    accepted: t.casesAccepted,
    succeeded: t.casesSucceeded,
    concluded: t.casesConcluded,
    successRate: t.successRate,
    amountAgreedCny: t.amountAgreedCny,
    acceptedBySource: totalSources,
  });
  return rows;
}
