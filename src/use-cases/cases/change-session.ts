import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { parseSessionParticipants, sessionParticipantsJson } from '../../domain/session-record.js';
import { resolveSessionStart } from '../../domain/session-time.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { updateSession } from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseUpdate } from './apply-case-transition.js';
import { requireAvailableMediators } from './require-available-mediators.js';
import { requireCasePeople, type PersonRef } from './require-case-people.js';
import { requireFutureStart, requirePlace, type SessionPlace } from './schedule-session.js';
import { requireCaseRelation } from './require-visible-case.js';
import { requireScheduledSession } from './require-scheduled-session.js';

/** Moves, re-places or re-invites a scheduled session; participants are told of the change. */
export async function changeSession(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    sessionId: string;
    version: number;
    startsAt?: string;
    timeZone?: string;
    durationMinutes?: number;
    place?: SessionPlace;
    participants?: PersonRef[];
    overrideAvailability?: boolean;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director', 'mediator']);
  const s = await requireScheduledSession(ctx, opts.caseId, opts.sessionId);
  const timeZone = opts.timeZone ?? s.time_zone;
  let startsAt = s.starts_at;
  if (opts.startsAt) {
    startsAt = resolveSessionStart(opts.startsAt, timeZone);
    requireFutureStart(startsAt, ctx.clock.now());
  } else if (opts.timeZone) throw new AppError('VALIDATION_FAILED', { field: 'startsAt' });
  const place = opts.place ? requirePlace(opts.place) : undefined;
  const people = opts.participants
    ? await requireCasePeople(ctx.db, opts.caseId, opts.participants, 'participants')
    : undefined;
  // A move, a longer session or another set of people is checked again; a new room is not.
  const warnings =
    opts.startsAt || opts.durationMinutes || people
      ? await requireAvailableMediators(ctx.db, {
          participants: people ?? parseSessionParticipants(s.participants_json),
          startsAt,
          durationMinutes: opts.durationMinutes ?? s.duration_minutes,
          override: opts.overrideAvailability ?? false,
        })
      : [];
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseUpdate(trx, {
      caseId: opts.caseId,
      expectedVersion: opts.version,
      allowedFrom: ['accepted', 'in_mediation'],
      auditAction: 'session.change',
      actor: opts.actor,
      at,
      summary: {
        sessionId: s.id,
        before: { startsAt: s.starts_at, timeZone: s.time_zone, mode: s.mode },
        after: { startsAt, timeZone, mode: opts.place?.mode ?? s.mode },
        ...(warnings.length ? { unavailableMediatorIds: warnings.map((w) => w.mediatorId) } : {}),
      },
    });
    await updateSession(trx, s.id, {
      starts_at: startsAt,
      time_zone: timeZone,
      ...(opts.durationMinutes ? { duration_minutes: opts.durationMinutes } : {}),
      ...(opts.place && place
        ? { mode: opts.place.mode, room: place.room, meeting_url: place.meetingUrl }
        : {}),
      ...(people
        ? {
            participants_json: sessionParticipantsJson(people),
          }
        : {}),
      updated_at: at,
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'session.changed',
      params: { sessionId: s.id, startsAt, timeZone },
      at,
      dedupeKey: `${s.id}:v${r.version}`,
    });
    return { ...r, warnings };
  });
}
