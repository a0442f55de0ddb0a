import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { parseSessionRecord, sessionRecordJson } from '../../domain/session-record.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  insertSessionRecordRevision,
  listSessionConfirmations,
  updateSession,
} from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseUpdate } from './apply-case-transition.js';
import { requireRecordedSession } from './require-recorded-session.js';
import { requireCaseRelation } from './require-visible-case.js';
import { validateSessionRecord, type SessionRecordInput } from './validate-session-record.js';

/**
 * Corrects a held session's record (笔录) as a new version with its reason. The earlier version
 * stays in session_record_revisions; confirmations name the version they confirmed, so every
 * attendee confirms again (they are told by `session.recorded`). Once every attendee has
 * confirmed the current version the record is closed: it is what they signed for. Only while
 * the mediation is open, so a record already in a concluded case's dossier does not change.
 */
export async function correctSessionRecord(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    sessionId: string;
    version: number;
    reason: string;
    record: SessionRecordInput;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'officer',
    'director',
    'mediator',
  ]);
  const s = await requireRecordedSession(ctx, opts.caseId, opts.sessionId);
  const previous = parseSessionRecord(s.record_json);
  const rec = opts.record;
  const { attendees, interpreterAbsence } = await validateSessionRecord(ctx, {
    actor: opts.actor,
    relations: c.relations,
    caseId: opts.caseId,
    record: rec,
    previousAbsence: previous.interpreterAbsence,
  });
  const recordVersion = s.record_version + 1;
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseUpdate(trx, {
      caseId: opts.caseId,
      expectedVersion: opts.version,
      allowedFrom: ['in_mediation'],
      auditAction: 'session.correct_record',
      actor: opts.actor,
      at,
      summary: {
        sessionId: s.id,
        recordVersion: { before: s.record_version, after: recordVersion },
        reason: opts.reason,
        attendees: attendees.length,
        interpreterPresent: rec.interpreterPresent,
      },
    });
    // Checked after the case row is locked by the update above, so a correction and the last
    // confirmation cannot both win.
    const confirmed = await listSessionConfirmations(trx, [s.id]);
    const everyone = previous.attendees.every((a) =>
      confirmed.some((x) => x.attendee_kind === a.kind && x.attendee_id === a.id),
    );
    if (everyone) {
      throw new AppError('INVALID_TRANSITION', {
        params: { state: 'confirmed' },
        details: { state: 'confirmed', entity: 'session' },
      });
    }
    const recordJson = sessionRecordJson({
      lang: rec.minutes.language,
      text: rec.minutes.text,
      translations: Object.fromEntries(rec.translations.map((t) => [t.language, t.text])),
      attendees,
      recordedBy: opts.actor.userId,
      recordedAt: at,
      correctionReason: opts.reason,
      ...(interpreterAbsence ? { interpreterAbsence } : {}),
    });
    await updateSession(trx, s.id, {
      interpreter_present: rec.interpreterPresent ? 1 : 0,
      record_json: recordJson,
      record_version: recordVersion,
      updated_at: at,
    });
    await insertSessionRecordRevision(trx, {
      orgId: r.orgId,
      sessionId: s.id,
      recordVersion,
      recordJson,
      reason: opts.reason,
      createdBy: opts.actor.userId,
      at,
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'session.recorded',
      params: { sessionId: s.id, recordVersion },
      at,
      dedupeKey: `${s.id}:${recordVersion}`,
    });
    return { ...r, recordVersion };
  });
}
