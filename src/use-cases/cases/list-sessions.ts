import type { Actor } from '../../domain/authorize-case-access.js';
import { parseSessionParticipants, parseSessionRecord } from '../../domain/session-record.js';
import { localSessionStart } from '../../domain/session-time.js';
import {
  listSessionConfirmations,
  listSessions,
} from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireVisibleCase } from './require-visible-case.js';

/** The sessions of a case, each with its start in its own zone, its record and confirmations. */
export async function listCaseSessions(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const sessions = await listSessions(ctx.db, opts.caseId);
  const confirmations = await listSessionConfirmations(
    ctx.db,
    sessions.map((s) => s.id),
  );
  return sessions.map((s) => {
    const record = s.record_json ? parseSessionRecord(s.record_json) : null;
    const confirmedBy = confirmations
      .filter((c) => c.session_id === s.id)
      .map((c) => ({ kind: c.attendee_kind, id: c.attendee_id, at: c.confirmed_at }));
    return {
      id: s.id,
      status: s.status,
      startsAt: s.starts_at,
      startsAtLocal: localSessionStart(s.starts_at, s.time_zone),
      timeZone: s.time_zone,
      durationMinutes: s.duration_minutes,
      mode: s.mode,
      room: s.room,
      meetingUrl: s.meeting_url,
      participants: parseSessionParticipants(s.participants_json),
      heldAt: s.held_at,
      interpreterPresent: s.interpreter_present === null ? null : s.interpreter_present === 1,
      record: record
        ? {
            language: record.lang,
            text: record.text,
            translations: Object.entries(record.translations).map(([language, text]) => ({
              language,
              text,
            })),
            attendees: record.attendees,
            confirmedBy,
            fullyConfirmed: record.attendees.every((a) =>
              confirmedBy.some((c) => c.kind === a.kind && c.id === a.id),
            ),
          }
        : null,
    };
  });
}
