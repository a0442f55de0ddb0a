import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import { sessionParticipantsJson } from '../../domain/session-record.js';
import { resolveSessionStart } from '../../domain/session-time.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { insertSession } from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireAvailableMediators } from './require-available-mediators.js';
import { requireCasePeople, type PersonRef } from './require-case-people.js';
import { requireCaseRelation } from './require-visible-case.js';

export interface SessionPlace {
  mode: 'in_person' | 'online';
  room?: string;
  meetingUrl?: string;
}

export function requirePlace(p: SessionPlace): { room: string | null; meetingUrl: string | null } {
  if (p.mode === 'in_person') {
    if (!p.room) throw new AppError('VALIDATION_FAILED', { field: 'room' });
    return { room: p.room, meetingUrl: null };
  }
  if (!p.meetingUrl) throw new AppError('VALIDATION_FAILED', { field: 'meetingUrl' });
  return { room: null, meetingUrl: p.meetingUrl };
}

/**
 * A session is booked or moved only to a start still ahead: a past start would send the parties
 * an invitation they can no longer answer (issue #17). Held sessions are recorded, not booked.
 */
export function requireFutureStart(startsAtUtc: string, now: Date): void {
  if (new Date(startsAtUtc).getTime() <= now.getTime()) {
    throw new AppError('SESSION_IN_PAST', { field: 'startsAt' });
  }
}

/** How far back a session held without booking may start: the same working day, at most. */
export const HELD_SESSION_MAX_HOURS = 16;

/**
 * A session the team held without booking it (a meeting at the committee's desk today) is
 * entered as already held: it started before now and no longer ago than HELD_SESSION_MAX_HOURS.
 * Older meetings are not back-filled through this door.
 */
export function requireHeldStart(startsAtUtc: string, now: Date): void {
  const t = new Date(startsAtUtc).getTime();
  if (t > now.getTime() || t < now.getTime() - HELD_SESSION_MAX_HOURS * 3_600_000) {
    throw new AppError('VALIDATION_FAILED', { field: 'startsAt' });
  }
}

/**
 * Schedules a mediation session at a wall-clock time in a named zone, in person or online.
 * Team members who are not available then stop it unless the officer overrides (see
 * requireAvailableMediators); the overridden names come back as warnings.
 */
export async function scheduleSession(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    version: number;
    startsAt: string;
    timeZone: string;
    durationMinutes: number;
    place: SessionPlace;
    participants?: PersonRef[];
    overrideAvailability?: boolean;
    /** Entered as already held today, to be recorded next: no invitation, no availability check. */
    held?: boolean;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director', 'mediator']);
  const startsAtUtc = resolveSessionStart(opts.startsAt, opts.timeZone);
  if (opts.held) requireHeldStart(startsAtUtc, ctx.clock.now());
  else requireFutureStart(startsAtUtc, ctx.clock.now());
  const place = requirePlace(opts.place);
  const people = await requireCasePeople(ctx.db, opts.caseId, opts.participants, 'participants');
  // The people were in the room: their calendars have nothing left to say about it.
  const warnings = opts.held
    ? []
    : await requireAvailableMediators(ctx.db, {
        participants: people,
        startsAt: startsAtUtc,
        durationMinutes: opts.durationMinutes,
        override: opts.overrideAvailability ?? false,
      });
  const at = ctx.clock.now().toISOString();
  const id = newId();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'schedule_session',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      summary: {
        sessionId: id,
        startsAt: startsAtUtc,
        timeZone: opts.timeZone,
        mode: opts.place.mode,
        ...(opts.held ? { held: true } : {}),
        ...(warnings.length ? { unavailableMediatorIds: warnings.map((w) => w.mediatorId) } : {}),
      },
    });
    await insertSession(trx, {
      id,
      org_id: r.orgId,
      case_id: opts.caseId,
      starts_at: startsAtUtc,
      time_zone: opts.timeZone,
      duration_minutes: opts.durationMinutes,
      mode: opts.place.mode,
      room: place.room,
      meeting_url: place.meetingUrl,
      status: 'scheduled',
      participants_json: sessionParticipantsJson(people),
      created_by: opts.actor.userId,
      created_at: at,
      updated_at: at,
    });
    // Nobody is invited to a meeting that is already over; its record will be sent instead.
    if (!opts.held) {
      await emitCaseEvent(trx, {
        orgId: r.orgId,
        caseId: opts.caseId,
        event: 'session.scheduled',
        params: { sessionId: id, startsAt: startsAtUtc, timeZone: opts.timeZone },
        at,
        dedupeKey: id,
      });
    }
    return { ...r, sessionId: id, startsAtUtc, warnings };
  });
}
