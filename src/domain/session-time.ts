import { DateTime, IANAZone } from 'luxon';
import { AppError } from './app-error.js';

/**
 * A session's start is given as a wall-clock time in a named IANA zone (what the participants
 * agreed: "10:00 in Yiwu"), and stored as a UTC instant plus the zone. A time that does not
 * exist in that zone (the hour skipped when clocks go forward) is refused rather than shifted.
 */
export function resolveSessionStart(local: string, timeZone: string): string {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new AppError('VALIDATION_FAILED', { field: 'timeZone' });
  }
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) {
    throw new AppError('VALIDATION_FAILED', { field: 'startsAt' });
  }
  return dt.toUTC().toISO({ suppressMilliseconds: false })!;
}

/** The stored instant shown back in the session's own zone, e.g. "2026-03-10T10:00+08:00". */
export function localSessionStart(utc: string, timeZone: string): string {
  return DateTime.fromISO(utc, { zone: 'utc' })
    .setZone(timeZone)
    .toISO({ suppressMilliseconds: true, suppressSeconds: true })!;
}
