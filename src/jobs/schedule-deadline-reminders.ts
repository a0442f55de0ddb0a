import { emitCaseEvent } from '../db/repositories/emit-case-event.js';
import {
  listConfirmationWindows,
  listMediationDeadlines,
  listOpenFollowUps,
  listOpenInstalments,
  listUnacceptedFilings,
} from '../db/repositories/notification-deadline-repository.js';
import { listOrgTimeZones } from '../db/repositories/org-time-zone-repository.js';
import type { CaseEventName, CaseEventPayload } from '../domain/case-events.js';
import {
  addDaysToDate,
  DEFAULT_COMMITTEE_TIME_ZONE,
  latestDateAt,
  localDateOf,
} from '../domain/performance-rules.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';

const DAY = 86_400_000;

/** Reminder thresholds in days before the deadline, most distant first. */
export const MEDIATION_REMINDER_DAYS = [7, 2] as const;
export const CONFIRMATION_WINDOW_DAYS = 30;
export const CONFIRMATION_REMINDER_DAYS = [10, 3] as const;
export const COURT_ACCEPTANCE_DAYS = 3;
export const INSTALMENT_DUE_SOON_DAYS = 3;
export const FOLLOW_UP_NOTICE_DAYS = 2;

/**
 * The threshold bucket `now` falls in: 'overdue' once the deadline passed, else the tightest
 * threshold already reached, else undefined. Only the tightest is sent: a worker that was down
 * past the 7-day point must not send "7 days left" when 1 day is left.
 */
export function reminderThreshold(
  deadline: Date,
  now: Date,
  thresholds: readonly number[],
): string | undefined {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  const reached = thresholds.filter((d) => left <= d * DAY);
  return reached.length ? `${Math.min(...reached)}d` : undefined;
}

const daysLeft = (deadline: Date, now: Date): number =>
  Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / DAY));

interface Reminder {
  orgId: string;
  caseId: string;
  event: CaseEventName;
  params: CaseEventPayload['params'];
  dedupeKey: string;
}

/**
 * Finds deadlines approaching and passed, and queues one reminder per (deadline, threshold).
 * The outbox idempotency key (`reminder:<kind>:<entity>:<threshold>`) makes every pass after
 * the first a no-op, across restarts and across concurrent workers. Dates (instalments,
 * follow-ups, the `dueOn` a reminder names) are calendar days of the case's committee, in its
 * organisation's time zone, never the server's or UTC's.
 */
export async function scheduleDeadlineReminders(ctx: UseCaseContext): Promise<number> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const reminders: Reminder[] = [];
  const latestToday = latestDateAt(now);
  const [mediation, windows, filings, instalments, followUps] = await Promise.all([
    listMediationDeadlines(ctx.db, {
      horizon: new Date(now.getTime() + MEDIATION_REMINDER_DAYS[0] * DAY).toISOString(),
    }),
    // Windows that close within the first threshold, or closed during the last day.
    listConfirmationWindows(ctx.db, {
      effectiveFrom: new Date(now.getTime() - (CONFIRMATION_WINDOW_DAYS + 1) * DAY).toISOString(),
      effectiveTo: new Date(
        now.getTime() - (CONFIRMATION_WINDOW_DAYS - CONFIRMATION_REMINDER_DAYS[0]) * DAY,
      ).toISOString(),
    }),
    listUnacceptedFilings(ctx.db, {
      filedBefore: new Date(now.getTime() - COURT_ACCEPTANCE_DAYS * DAY).toISOString(),
    }),
    listOpenInstalments(ctx.db, {
      dueOnOrBefore: addDaysToDate(latestToday, INSTALMENT_DUE_SOON_DAYS),
    }),
    listOpenFollowUps(ctx.db, {
      dueOnOrBefore: addDaysToDate(latestToday, FOLLOW_UP_NOTICE_DAYS),
    }),
  ]);
  const zones = await listOrgTimeZones(ctx.db, [
    ...mediation.map((r) => r.org_id),
    ...windows.map((r) => r.org_id),
    ...filings.map((r) => r.org_id),
    ...instalments.map((r) => r.org_id),
    ...followUps.map((r) => r.org_id),
  ]);
  const zoneOf = (orgId: string) => zones.get(orgId) ?? DEFAULT_COMMITTEE_TIME_ZONE;
  const dateIn = (orgId: string, iso: string) => localDateOf(iso, zoneOf(orgId));
  const todayIn = (orgId: string) => dateIn(orgId, nowIso);

  for (const c of mediation) {
    const due = new Date(c.mediation_due_at!);
    const t = reminderThreshold(due, now, MEDIATION_REMINDER_DAYS);
    if (!t) continue;
    reminders.push({
      orgId: c.org_id,
      caseId: c.id,
      event: 'deadline.reminder',
      params: {
        kind: 'mediation_due',
        threshold: t,
        dueOn: dateIn(c.org_id, c.mediation_due_at!),
        days: daysLeft(due, now),
        overdue: t === 'overdue',
      },
      dedupeKey: `reminder:mediation_due:${c.id}:${t}`,
    });
  }

  for (const a of windows) {
    const closes = new Date(Date.parse(a.effective_at!) + CONFIRMATION_WINDOW_DAYS * DAY);
    const t = reminderThreshold(closes, now, CONFIRMATION_REMINDER_DAYS);
    if (!t) continue;
    reminders.push({
      orgId: a.org_id,
      caseId: a.case_id,
      event: 'deadline.reminder',
      params: {
        kind: 'confirmation_window',
        threshold: t,
        agreementId: a.id,
        dueOn: dateIn(a.org_id, closes.toISOString()),
        days: daysLeft(closes, now),
        overdue: t === 'overdue',
      },
      dedupeKey: `reminder:confirmation_window:${a.id}:${t}`,
    });
  }

  for (const f of filings) {
    reminders.push({
      orgId: f.org_id,
      caseId: f.case_id,
      event: 'deadline.reminder',
      params: {
        kind: 'court_acceptance',
        threshold: 'overdue',
        filingId: f.id,
        courtId: f.court_id,
        dueOn: dateIn(f.org_id, f.filed_at),
        overdue: true,
      },
      dedupeKey: `reminder:court_acceptance:${f.id}:overdue`,
    });
  }

  for (const i of instalments) {
    const today = todayIn(i.org_id);
    if (i.due_on > addDaysToDate(today, INSTALMENT_DUE_SOON_DAYS)) continue;
    const missed = i.due_on < today;
    reminders.push({
      orgId: i.org_id,
      caseId: i.case_id,
      event: missed ? 'instalment.missed' : 'instalment.due_soon',
      params: { instalmentId: i.id, seq: i.seq, dueOn: i.due_on },
      // The missed notice shares its key with the one markBreachedCases emits at breach, so
      // the parties hear "not paid" once, whichever comes first.
      dedupeKey: missed ? i.id : `reminder:instalment:${i.id}:due_soon`,
    });
  }

  for (const f of followUps) {
    if (f.due_on > addDaysToDate(todayIn(f.org_id), FOLLOW_UP_NOTICE_DAYS)) continue;
    reminders.push({
      orgId: f.org_id,
      caseId: f.case_id,
      event: 'follow_up.due',
      params: { followUpId: f.id, dueOn: f.due_on },
      dedupeKey: `reminder:follow_up:${f.id}:due`,
    });
  }

  if (reminders.length === 0) return 0;
  // One order for every worker, so that two concurrent passes on PostgreSQL wait on each
  // other's unique-key inserts in the same sequence instead of deadlocking.
  reminders.sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of reminders) {
      await emitCaseEvent(trx, { ...r, at: nowIso });
    }
  });
  return reminders.length;
}
