/**
 * Rules of performance supervision (DESIGN §2 "Performance"): when an instalment counts as
 * missed, and when the follow-up visit (回访) is due.
 */

/** Days after an instalment's due date before an unpaid instalment marks the case breached. */
export const BREACH_GRACE_DAYS = 15;
/** The follow-up visit is due this many days after the last instalment (or the agreement). */
export const FOLLOW_UP_AFTER_DAYS = 14;

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, e.g. the committee's. */
export function localDateOf(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** The committee's time zone when an organisation has none recorded (DESIGN: Yiwu). */
export const DEFAULT_COMMITTEE_TIME_ZONE = 'Asia/Shanghai';

/**
 * The latest calendar date anywhere at this instant (UTC+14). Queries over dated rows of many
 * organisations select up to this bound, then each row is judged by its own committee's day.
 */
export function latestDateAt(iso: string | Date): string {
  return localDateOf(iso, 'Etc/GMT-14');
}

/** Calendar arithmetic on YYYY-MM-DD dates (UTC noon avoids any daylight-saving edge). */
export function addDaysToDate(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00.000Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The last date on which an instalment due on `dueOn` may still be paid without breach. */
export function breachCutoffFor(today: string): string {
  // An instalment due on or before this date and still unpaid is past the grace period.
  return addDaysToDate(today, -BREACH_GRACE_DAYS - 1);
}

export function followUpDueOn(effectiveDate: string, instalmentDates: string[]): string {
  const last = [effectiveDate, ...instalmentDates].sort().at(-1)!;
  return addDaysToDate(last, FOLLOW_UP_AFTER_DAYS);
}

/**
 * What is still owed under the agreement in effect, in its minor units. With an instalment
 * plan, the unpaid part of each instalment. Without one (agreements recorded before plans were
 * required), the agreed amount less the payments received in the agreement's currency: an
 * agreement with no plan is never "paid" merely because it has no instalments.
 */
export function outstandingMinor(
  agreement: { id: string; amount_minor: number | null; currency: string | null },
  instalments: readonly { agreement_id: string; amount_minor: number; paid_minor: number }[],
  payments: readonly { amount_minor: number; currency: string }[],
): number {
  const plan = instalments.filter((i) => i.agreement_id === agreement.id);
  if (plan.length > 0) return plan.reduce((s, i) => s + (i.amount_minor - i.paid_minor), 0);
  if (agreement.amount_minor === null) return 0;
  const paid = payments
    .filter((p) => p.currency === agreement.currency)
    .reduce((s, p) => s + p.amount_minor, 0);
  return Math.max(0, agreement.amount_minor - paid);
}

/**
 * Whether the agreement has been carried out in full, the one rule behind closing a case as
 * fulfilled (automatically after a payment or visit, on the officer's word, and whether the
 * screens offer it): nothing owed, every instalment of the agreement paid, and a follow-up
 * visit (回访) done with none still open. An agreement without a plan is judged by its amount
 * less the payments received: having no instalments never makes it "all paid".
 */
export function isPerformanceComplete(
  agreement: { id: string; amount_minor: number | null; currency: string | null },
  instalments: readonly {
    agreement_id: string;
    amount_minor: number;
    paid_minor: number;
    status: string;
  }[],
  payments: readonly { amount_minor: number; currency: string }[],
  followUps: readonly { done_at: string | null }[],
): boolean {
  const plan = instalments.filter((i) => i.agreement_id === agreement.id);
  return (
    outstandingMinor(agreement, instalments, payments) === 0 &&
    plan.every((i) => i.status === 'paid') &&
    followUps.length > 0 &&
    followUps.every((f) => f.done_at !== null)
  );
}
