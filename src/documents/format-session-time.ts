/**
 * A session's start in the session's own time zone, with the zone named ("2026年2月5日 10:00
 * 中国标准时间 (Asia/Shanghai)"), and its length: the parties met at that local hour, and a
 * UTC time on the record would tell them a different one.
 */
export function formatSessionTime(
  startsAt: string,
  timeZone: string,
  durationMinutes: number,
  lang: string,
): string {
  const at = new Date(startsAt);
  let when: string;
  try {
    when = new Intl.DateTimeFormat(lang, {
      timeZone,
      // Gregorian in every language (Persian defaults to the Solar Hijri calendar), so that the
      // columns of one record agree with each other and with the dates elsewhere in the file.
      calendar: 'gregory',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'long',
    }).format(at);
  } catch {
    // An unknown zone name in an old row: UTC, said as such, rather than no time at all.
    return `${startsAt.slice(0, 16).replace('T', ' ')} UTC`;
  }
  const length = new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  }).format(durationMinutes);
  return `${when} (${timeZone}), ${length}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the session's time zone. */
export function sessionLocalDate(at: string, timeZone: string): string {
  try {
    // en-CA writes dates as YYYY-MM-DD; only the digits are used.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(at));
  } catch {
    return at.slice(0, 10);
  }
}
