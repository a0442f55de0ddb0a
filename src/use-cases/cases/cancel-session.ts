import type { Actor } from '../../domain/authorize-case-access.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { updateSession } from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseUpdate } from './apply-case-transition.js';
import { requireScheduledSession } from './require-scheduled-session.js';
import { requireCaseRelation } from './require-visible-case.js';

/** Cancels a scheduled session, with a reason. */
export async function cancelSession(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; sessionId: string; version: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director', 'mediator']);
  const s = await requireScheduledSession(ctx, opts.caseId, opts.sessionId);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await applyCaseUpdate(trx, {
      caseId: opts.caseId,
      expectedVersion: opts.version,
      allowedFrom: ['accepted', 'in_mediation'],
      auditAction: 'session.cancel',
      actor: opts.actor,
      at,
      summary: { sessionId: s.id, reason: opts.reason },
    });
    await updateSession(trx, s.id, { status: 'cancelled', updated_at: at });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'session.cancelled',
      params: { sessionId: s.id },
      at,
      dedupeKey: s.id,
    });
    return r;
  });
}
