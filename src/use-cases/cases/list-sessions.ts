import type { Actor } from '../../domain/authorize-case-access.js';
import { parseSessionParticipants, parseSessionRecord } from '../../domain/session-record.js';
import { sessionRecordSections } from '../../domain/session-record-language.js';
import { localSessionStart } from '../../domain/session-time.js';
import { findUnreadableSections, readableLanguages } from '../../domain/translation-coverage.js';
import { listSightTranslations } from '../../db/repositories/sight-translation-repository.js';
import {
  listOwnCaseParties,
  listSessionConfirmations,
  listSessionRecordRevisions,
  listSessions,
} from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireVisibleCase } from './require-visible-case.js';

/**
 * The sessions of a case, each with its start in its own zone, its record (current version, its
 * corrections, the interpreter-absence reason) and the confirmations of that version. For a
 * party, also whether the record exists in a language they read (or was sight-translated for
 * them), so the screen offers "confirm" or "request a translation" as the API will decide.
 */
export async function listCaseSessions(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  const c = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const sessions = await listSessions(ctx.db, opts.caseId);
  const ids = sessions.map((s) => s.id);
  const [confirmations, revisions, ownParties] = await Promise.all([
    listSessionConfirmations(ctx.db, ids),
    listSessionRecordRevisions(ctx.db, ids),
    c.relations.includes('party')
      ? listOwnCaseParties(ctx.db, opts.caseId, opts.actor.userId)
      : Promise.resolve([]),
  ]);
  const me = ownParties.map((p) => ({
    id: p.id,
    languages: readableLanguages({
      preferredLanguage: p.preferred_language,
      languages: JSON.parse(p.languages_json) as string[],
    }),
  }));
  return Promise.all(
    sessions.map(async (s) => {
      const record = s.record_json ? parseSessionRecord(s.record_json) : null;
      const confirmedBy = confirmations
        .filter((x) => x.session_id === s.id)
        .map((x) => ({ kind: x.attendee_kind, id: x.attendee_id, at: x.confirmed_at }));
      const history = revisions.filter((r) => r.session_id === s.id);
      const sight =
        record && me.length > 0
          ? await listSightTranslations(ctx.db, {
              subjectKind: 'session_record',
              subjectId: s.id,
              subjectVersion: s.record_version,
            })
          : [];
      // Per own party: null when it can read the record, else what is missing.
      const unreadable = record
        ? me.map((p) =>
            findUnreadableSections(sessionRecordSections(record), p.languages, {
              sightTranslated: sight.some((t) => t.party_id === p.id && t.confirmed_at !== null)
                ? new Set(['minutes'])
                : undefined,
            }),
          )
        : [];
      const firstRevision = history[0];
      const current = history.find((r) => r.record_version === s.record_version);
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
              version: s.record_version,
              language: record.lang,
              text: record.text,
              translations: Object.entries(record.translations).map(([language, text]) => ({
                language,
                text,
              })),
              attendees: record.attendees,
              recordedAt: record.recordedAt,
              recordedByName: current?.created_by_name ?? firstRevision?.created_by_name ?? null,
              interpreterAbsence: record.interpreterAbsence
                ? {
                    reason: record.interpreterAbsence.reason,
                    recordedByName: record.interpreterAbsence.recordedByName,
                  }
                : null,
              revisions: history.map((r) => ({
                version: r.record_version,
                reason: r.reason,
                at: r.created_at,
                byName: r.created_by_name,
              })),
              confirmedBy,
              fullyConfirmed: record.attendees.every((a) =>
                confirmedBy.some((x) => x.kind === a.kind && x.id === a.id),
              ),
              // Only for a party of the case: whether each of its own parties can read it.
              readableByMe: me.length === 0 ? null : unreadable.every((u) => u === null),
              myLanguages: me.length === 0 ? null : [...new Set(me.flatMap((p) => p.languages))],
              sightTranslatedForMe:
                me.length === 0
                  ? null
                  : sight.some(
                      (t) => t.confirmed_at !== null && me.some((p) => p.id === t.party_id),
                    ),
            }
          : null,
      };
    }),
  );
}
