import { DateTime } from 'luxon';

/**
 * A mediator's availability, all pure: a weekly on-call pattern in the mediator's own time
 * zone (so a daylight-saving switch moves the UTC instants and a Moscow pattern never moves),
 * dated exceptions (leave, travel: whole local days), and duty-rota days on site at the
 * committee (the organisation's local days).
 */
export interface WeeklySlot {
  /** 1 = Monday … 7 = Sunday (ISO, as luxon). */
  weekday: number;
  /** Local wall-clock 'HH:mm'; end may be '24:00'. */
  start: string;
  end: string;
}

export interface AvailabilityException {
  kind: string;
  /** Inclusive local dates YYYY-MM-DD in the mediator's time zone. */
  startsOn: string;
  endsOn: string;
}

export interface MediatorAvailability {
  timeZone: string;
  weekly: WeeklySlot[];
  exceptions: AvailabilityException[];
  /** Org-local dates the mediator is on site (duty rota). */
  dutyDays: string[];
  orgTimeZone: string;
}

export interface Slot {
  start: string;
  end: string;
  kind: 'on_call' | 'on_site';
}

/**
 * Part-time mediators are on call (随叫随到): one who has declared no weekly pattern counts as
 * on call on these local hours every day, until they declare one.
 */
export const DEFAULT_ON_CALL_HOURS = { start: '09:00', end: '18:00' } as const;
/** The committee's office hours on a duty-rota day, in the organisation's time zone. */
export const ON_SITE_HOURS = { start: '09:00', end: '17:00' } as const;

function at(date: DateTime, hhmm: string): DateTime {
  if (hhmm === '24:00') return date.plus({ days: 1 }).startOf('day');
  const [h, m] = hhmm.split(':').map(Number);
  return date.set({ hour: h!, minute: m!, second: 0, millisecond: 0 });
}

function isExcepted(av: MediatorAvailability, localDate: string): boolean {
  return av.exceptions.some((e) => e.startsOn <= localDate && localDate <= e.endsOn);
}

const toIso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: false })!;

/** Merges overlapping or touching slots of the same kind; input need not be sorted. */
function mergeSlots(slots: Slot[]): Slot[] {
  const sorted = [...slots].sort(
    (a, b) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind),
  );
  const out: Slot[] = [];
  for (const s of sorted) {
    const last = out.findLast((o) => o.kind === s.kind);
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else {
      out.push({ ...s });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/** Every on-call and on-site slot overlapping [from, to), clipped to it, in UTC ISO instants. */
export function listAvailableSlots(av: MediatorAvailability, from: string, to: string): Slot[] {
  const fromDt = DateTime.fromISO(from, { zone: 'utc' });
  const toDt = DateTime.fromISO(to, { zone: 'utc' });
  const slots: Slot[] = [];
  // Walk local days from the day before to the day after, so that slots crossing midnight
  // in either zone are seen.
  let day = fromDt.setZone(av.timeZone).startOf('day').minus({ days: 1 });
  const lastDay = toDt.setZone(av.timeZone).startOf('day').plus({ days: 1 });
  while (day <= lastDay) {
    const localDate = day.toISODate()!;
    if (!isExcepted(av, localDate)) {
      const pattern =
        av.weekly.length > 0
          ? av.weekly.filter((w) => w.weekday === day.weekday)
          : [{ weekday: day.weekday, ...DEFAULT_ON_CALL_HOURS }];
      for (const w of pattern) {
        slots.push({ start: toIso(at(day, w.start)), end: toIso(at(day, w.end)), kind: 'on_call' });
      }
    }
    day = day.plus({ days: 1 });
  }
  for (const d of av.dutyDays) {
    const orgDay = DateTime.fromISO(d, { zone: av.orgTimeZone });
    const start = at(orgDay, ON_SITE_HOURS.start);
    // Leave and travel also cancel a rota day: the mediator is not there.
    if (isExcepted(av, start.setZone(av.timeZone).toISODate()!)) continue;
    slots.push({ start: toIso(start), end: toIso(at(orgDay, ON_SITE_HOURS.end)), kind: 'on_site' });
  }
  const fromIso = toIso(fromDt);
  const toIsoStr = toIso(toDt);
  return mergeSlots(
    slots
      .filter((s) => s.end > fromIso && s.start < toIsoStr)
      .map((s) => ({
        ...s,
        start: s.start < fromIso ? fromIso : s.start,
        end: s.end > toIsoStr ? toIsoStr : s.end,
      })),
  );
}

/** Removes busy intervals (sessions already scheduled) from the slots. */
export function subtractBusy(slots: Slot[], busy: { start: string; end: string }[]): Slot[] {
  let out = slots;
  for (const b of busy) {
    const next: Slot[] = [];
    for (const s of out) {
      if (b.end <= s.start || b.start >= s.end) {
        next.push(s);
        continue;
      }
      if (b.start > s.start) next.push({ ...s, end: b.start });
      if (b.end < s.end) next.push({ ...s, start: b.end });
    }
    out = next;
  }
  return out;
}

/**
 * Whether the mediator is on call or on site for the whole of [instant, instant + minutes).
 * Session scheduling calls this to warn (overridably) before booking an unavailable mediator.
 */
export function isMediatorAvailableAt(
  av: MediatorAvailability,
  instant: string | Date,
  durationMinutes = 0,
): boolean {
  const start = DateTime.fromJSDate(typeof instant === 'string' ? new Date(instant) : instant, {
    zone: 'utc',
  });
  const end = start.plus({ minutes: Math.max(0, durationMinutes) });
  const startIso = toIso(start);
  const endIso = toIso(end);
  // Merge across kinds: an on-site morning followed by an on-call afternoon is one stretch.
  const merged = mergeSlots(
    listAvailableSlots(av, toIso(start.minus({ minutes: 1 })), toIso(end.plus({ minutes: 1 }))).map(
      (s) => ({ ...s, kind: 'on_call' as const }),
    ),
  );
  return merged.some((s) => s.start <= startIso && endIso <= s.end);
}

/** How many of the `days` days starting at `from` (mediator-local days) have any available slot. */
export function countAvailableDays(av: MediatorAvailability, from: string, days = 7): number {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const slots = listAvailableSlots(av, toIso(start), toIso(start.plus({ days })));
  const localDays = new Set(
    slots.map((s) => DateTime.fromISO(s.start, { zone: 'utc' }).setZone(av.timeZone).toISODate()),
  );
  return Math.min(days, localDays.size);
}
