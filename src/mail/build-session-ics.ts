import { createEvents, type EventAttributes } from 'ics';

export interface SessionForCalendar {
  id: string;
  caseId: string;
  reference: string;
  startsAt: string;
  durationMinutes: number;
  mode: string;
  room: string | null;
  meetingUrl: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

const toUtcArray = (iso: string): [number, number, number, number, number] => {
  const d = new Date(iso);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
};

/**
 * SEQUENCE must grow with every change a calendar has to apply (RFC 5546). The session row
 * carries no counter, so the seconds between creation and the last update serve: they only
 * grow, and an unchanged session keeps SEQUENCE 0.
 */
export const sessionSequence = (s: SessionForCalendar): number =>
  Math.max(0, Math.floor((Date.parse(s.updatedAt) - Date.parse(s.createdAt)) / 1000));

function toEvent(s: SessionForCalendar, o: { caseUrl: string; title: string }): EventAttributes {
  const cancelled = s.status === 'cancelled';
  return {
    uid: `session-${s.id}@accord`,
    start: toUtcArray(s.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: s.durationMinutes },
    title: o.title,
    // The location is the room, or for online sessions the meeting link.
    location: s.mode === 'online' ? (s.meetingUrl ?? undefined) : (s.room ?? undefined),
    url: s.mode === 'online' && s.meetingUrl ? s.meetingUrl : o.caseUrl,
    description: o.caseUrl,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    sequence: sessionSequence(s),
    productId: 'accord/mediation',
    lastModified: toUtcArray(s.updatedAt),
  };
}

/** An iTIP invitation for one session: METHOD:REQUEST, or METHOD:CANCEL once cancelled. */
export function buildSessionInvite(
  s: SessionForCalendar,
  o: { caseUrl: string; title: string },
): { ics: string; method: 'REQUEST' | 'CANCEL' } {
  const method = s.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const r = createEvents([toEvent(s, o)], { method, productId: 'accord/mediation' });
  if (r.error || !r.value) throw r.error ?? new Error('ics: no output');
  return { ics: r.value, method };
}

/** A subscribable feed (METHOD:PUBLISH) of many sessions. */
export function buildCalendarFeed(
  sessions: { session: SessionForCalendar; caseUrl: string; title: string }[],
  calName: string,
): string {
  const r = createEvents(
    sessions.map((x) => toEvent(x.session, x)),
    { method: 'PUBLISH', productId: 'accord/mediation', calName },
  );
  if (r.error || r.value === null) throw r.error ?? new Error('ics: no output');
  return r.value;
}
