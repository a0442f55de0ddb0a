import { parse } from 'csv-parse/sync';
import { AppError } from '../../domain/app-error.js';
import { isKnownCurrency } from '../../domain/money.js';
import { isValidDate } from '../../domain/performance-rules.js';
import { upsertFxRates } from '../../db/repositories/fx-rate-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface FxCsvProblem {
  line: number;
  field: 'currency' | 'date' | 'cny_per_unit' | 'row';
}

/**
 * Imports CNY reference rates from CSV text with the header `currency,date,cny_per_unit`
 * (e.g. `USD,2026-03-02,7.1234`). Every row is checked before anything is written, so a file
 * with one bad line changes nothing (VALIDATION_FAILED listing the lines). A rate already stored
 * for that currency and day is replaced: amounts converted earlier keep their own stored rate.
 */
export async function importFxRates(
  ctx: UseCaseContext,
  opts: { csv: string; source: string },
): Promise<{ imported: number; currencies: string[]; from: string | null; to: string | null }> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(opts.csv, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      // Lines starting with # carry provenance notes (e.g. "demo rates").
      comment: '#',
      info: true,
    });
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { field: 'csv', cause: e });
  }
  const problems: FxCsvProblem[] = [];
  const rates = records.map(({ record: r, info }) => {
    const line = info.lines;
    const currency = (r.currency ?? '').toUpperCase();
    const date = r.date ?? '';
    const rate = r.cny_per_unit ?? '';
    if (!isKnownCurrency(currency)) problems.push({ line, field: 'currency' });
    if (!isValidDate(date)) problems.push({ line, field: 'date' });
    if (!/^\d{1,6}(\.\d{1,8})?$/.test(rate) || Number(rate) <= 0)
      problems.push({ line, field: 'cny_per_unit' });
    return { currency, onDate: date, cnyPerUnit: rate, source: opts.source };
  });
  if (records.length === 0) problems.push({ line: 1, field: 'row' });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      field: `csv.line${problems[0]!.line}.${problems[0]!.field}`,
      details: problems.slice(0, 50),
    });
  }
  await ctx.db.transaction().execute((trx) => upsertFxRates(trx, rates));
  const dates = rates.map((r) => r.onDate).sort();
  return {
    imported: rates.length,
    currencies: [...new Set(rates.map((r) => r.currency))].sort(),
    from: dates[0] ?? null,
    to: dates.at(-1) ?? null,
  };
}
