import type { Actor } from '../../domain/authorize-case-access.js';
import { sessionRecordJson } from '../../domain/session-record.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  insertSessionRecordRevision,
  updateSession,
} from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireScheduledSession } from './require-scheduled-session.js';
import { requireCaseRelation } from './require-visible-case.js';
import { validateSessionRecord, type SessionRecordInput } from './validate-session-record.js';

export type { SessionRecordInput } from './validate-session-record.js';

/**
 * Enters the record (笔录) of a held session: who attended, whether the interpreter was there,
 * the minutes in their original language and any translations. Each attendee then confirms it
 * (confirmSessionRecord). The first held session moves the case into mediation.
 */
export async function recordSession(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    sessionId: string;
    version: number;
    record: SessionRecordInput;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'officer',
    'director',
    'mediator',
  ]);
  const s = await requireScheduledSession(ctx, opts.caseId, opts.sessionId);
  const rec = opts.record;
  const { attendees, interpreterAbsence } = await validateSessionRecord(ctx, {
    actor: opts.actor,
    relations: c.relations,
    caseId: opts.caseId,
    record: rec,
  });
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'record_session',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      summary: {
        sessionId: s.id,
        attendees: attendees.length,
        interpreterPresent: rec.interpreterPresent,
        ...(interpreterAbsence ? { interpreterAbsence: interpreterAbsence.reason } : {}),
      },
    });
    const recordJson = sessionRecordJson({
      lang: rec.minutes.language,
      text: rec.minutes.text,
      translations: Object.fromEntries(rec.translations.map((t) => [t.language, t.text])),
      attendees,
      recordedBy: opts.actor.userId,
      recordedAt: at,
      ...(interpreterAbsence ? { interpreterAbsence } : {}),
    });
    await updateSession(trx, s.id, {
      status: 'held',
      held_at: at,
      interpreter_present: rec.interpreterPresent ? 1 : 0,
      record_json: recordJson,
      record_version: 1,
      updated_at: at,
    });
    await insertSessionRecordRevision(trx, {
      orgId: r.orgId,
      sessionId: s.id,
      recordVersion: 1,
      recordJson,
      reason: null,
      createdBy: opts.actor.userId,
      at,
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'session.recorded',
      params: { sessionId: s.id },
      at,
      dedupeKey: s.id,
    });
    return r;
  });
}
