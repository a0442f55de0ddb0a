import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Database } from '../../db/schema.js';
import { findUnavailableMediators } from '../mediators/check-mediator-availability.js';

export interface AvailabilityWarning {
  code: 'MEDIATOR_UNAVAILABLE';
  mediatorId: string;
  name: string;
}

/**
 * Checks the team members taking part in a session against their availability (weekly
 * pattern, leave, duty rota). An unavailable member stops the booking with 409
 * MEDIATOR_UNAVAILABLE naming them, because a session nobody from the team can attend wastes
 * the parties' journey; the officer who knows better (the mediator agreed by phone) repeats
 * the request with `overrideAvailability` and gets the same names back as warnings, which the
 * caller records in the audit row.
 */
export async function requireAvailableMediators(
  db: Kysely<Database>,
  o: {
    participants: { kind: string; id: string; name: string }[];
    startsAt: string;
    durationMinutes: number;
    override: boolean;
  },
): Promise<AvailabilityWarning[]> {
  const team = o.participants.filter((p) => p.kind === 'mediator');
  const unavailable = new Set(
    await findUnavailableMediators(db, {
      mediatorIds: team.map((m) => m.id),
      startsAt: o.startsAt,
      durationMinutes: o.durationMinutes,
    }),
  );
  const warnings = team
    .filter((m) => unavailable.has(m.id))
    .map((m) => ({ code: 'MEDIATOR_UNAVAILABLE' as const, mediatorId: m.id, name: m.name }));
  if (warnings.length > 0 && !o.override) {
    throw new AppError('MEDIATOR_UNAVAILABLE', {
      params: { count: warnings.length },
      details: { mediators: warnings.map((w) => ({ id: w.mediatorId, name: w.name })) },
    });
  }
  return warnings;
}
