/**
 * The committee's case reference, e.g. "(2026) 义外调 No. 0042": the year of submission in the
 * committee's own time zone (a case filed on 31 December in Yiwu belongs to that year even when
 * it is already 1 January somewhere else), the organisation's prefix and a per-year sequence.
 */
export function formatCaseReference(prefix: string, year: number, seq: number): string {
  return `(${year}) ${prefix} No. ${String(seq).padStart(4, '0')}`;
}

export function yearInTimeZone(iso: string, timeZone: string): number {
  const y = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date(iso));
  return Number(y);
}
