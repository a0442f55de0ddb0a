import { api } from '../../app/api-client';

export interface WeeklySlot {
  weekday: number;
  start: string;
  end: string;
}

export interface AvailabilityException {
  id: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** GET /api/v1/mediators/:id/availability, the parts the editors show. */
export interface Availability {
  timeZone: string;
  weekly: WeeklySlot[];
  exceptions: AvailabilityException[];
}

/** The availability read covers at most 62 days (list-free-slots.ts); leave further out is not listed. */
export const LOOKAHEAD_DAYS = 60;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A mediator's weekly hours and their leave from today to LOOKAHEAD_DAYS ahead. */
export function loadAvailability(mediatorId: string): Promise<Availability> {
  const today = Date.now();
  return api.get<Availability>(`/api/v1/mediators/${mediatorId}/availability`, {
    from: isoDay(today),
    to: isoDay(today + LOOKAHEAD_DAYS * 86_400_000),
  });
}
