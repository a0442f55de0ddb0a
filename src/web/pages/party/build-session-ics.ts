// Unit tests compile this pure module under the server tsconfig too, hence the .js import suffix.
import type { PartySession } from './party-types.js';

/** 2026-12-05T02:00:00.000Z → 20261205T020000Z (RFC 5545 UTC form). */
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 text escaping, and lines folded at 75 octets as calendar apps expect. */
const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * One session as an .ics file for the party's own calendar. Times are written in UTC, so the
 * calendar shows them in the reader's zone whatever zone the committee scheduled in.
 */
export function buildSessionIcs(
  s: PartySession,
  o: { summary: string; description: string; now: Date },
): string {
  const end = new Date(new Date(s.startsAt).getTime() + s.durationMinutes * 60_000).toISOString();
  const location = s.mode === 'online' ? (s.meetingUrl ?? '') : (s.room ?? '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Accord//Case sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${s.id}@accord`,
    `DTSTAMP:${icsTime(o.now.toISOString())}`,
    `DTSTART:${icsTime(new Date(s.startsAt).toISOString())}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${escapeText(o.summary)}`,
    `DESCRIPTION:${escapeText(o.description)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    ...(s.meetingUrl ? [`URL:${s.meetingUrl}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
