import { AppError } from '../app-error.js';

/** A statistics period: whole UTC calendar days, both ends included. */
export interface StatsPeriod {
  from: string;
  to: string;
}

export const MAX_PERIOD_YEARS = 50;

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Validates a requested period. Without `to` the period ends today; without `from` it starts
 * on 1 January of the year of `to`. Invalid dates, a reversed range or more than 50 years are
 * VALIDATION_FAILED naming the field.
 */
export function requireStatsPeriod(
  q: { from?: string | undefined; to?: string | undefined },
  today: string,
): StatsPeriod {
  const to = q.to ?? today;
  if (!isRealDate(to)) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  const from = q.from ?? to.slice(0, 4) + '-01-01';
  if (!isRealDate(from)) throw new AppError('VALIDATION_FAILED', { field: 'from' });
  if (from > to)
    throw new AppError('VALIDATION_FAILED', {
      field: 'from',
      details: { reason: 'from_after_to' },
    });
  const limit =
    String(Number(from.slice(0, 4)) + MAX_PERIOD_YEARS).padStart(4, '0') + from.slice(4);
  if (to >= limit)
    throw new AppError('VALIDATION_FAILED', { field: 'to', details: { reason: 'range_too_long' } });
  return { from, to };
}

/** The whole months inside a period, and the partial days at either edge. */
export function splitPeriodByMonth(p: StatsPeriod): {
  months: { from: string; to: string } | undefined;
  edges: StatsPeriod[];
} {
  const firstFullMonth =
    p.from.slice(8) === '01' ? p.from.slice(0, 7) : nextMonth(p.from.slice(0, 7));
  const lastDay = lastDayOfMonth(p.to.slice(0, 7));
  const lastFullMonth = p.to === lastDay ? p.to.slice(0, 7) : prevMonth(p.to.slice(0, 7));
  if (firstFullMonth > lastFullMonth) return { months: undefined, edges: [p] };
  const edges: StatsPeriod[] = [];
  if (p.from.slice(0, 7) < firstFullMonth)
    edges.push({ from: p.from, to: lastDayOfMonth(p.from.slice(0, 7)) });
  if (p.to.slice(0, 7) > lastFullMonth) edges.push({ from: p.to.slice(0, 7) + '-01', to: p.to });
  return { months: { from: firstFullMonth, to: lastFullMonth }, edges };
}

function nextMonth(m: string): string {
  const d = new Date(m + '-01T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
}
function prevMonth(m: string): string {
  const d = new Date(m + '-01T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}
function lastDayOfMonth(m: string): string {
  const d = new Date(nextMonth(m) + '-01T00:00:00Z');
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
