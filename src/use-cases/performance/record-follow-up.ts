import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import {
  completeFollowUp,
  listFollowUpsOfCase,
} from '../../db/repositories/performance-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { fulfilIfComplete } from './fulfil-if-complete.js';

export const followUpMethods = ['visit', 'phone', 'video', 'message'] as const;
export type FollowUpMethod = (typeof followUpMethods)[number];

/** Records the follow-up visit (回访): how, what was found, and the party's satisfaction. */
export async function recordFollowUp(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    followUpId: string;
    expectedVersion: number;
    method: FollowUpMethod;
    notes: string;
    satisfaction?: number;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['director', 'officer', 'mediator']);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const f = (await listFollowUpsOfCase(trx, opts.caseId)).find((x) => x.id === opts.followUpId);
    if (!f) throw new AppError('NOT_FOUND');
    const t = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'record_follow_up',
      expectedVersion: opts.expectedVersion,
      actor: opts.actor,
      at,
      summary: { followUpId: f.id, method: opts.method, satisfaction: opts.satisfaction ?? null },
    });
    const ok = await completeFollowUp(trx, f.id, {
      done_at: at,
      method: opts.method,
      notes: opts.notes,
      satisfaction: opts.satisfaction ?? null,
      recorded_by: opts.actor.userId,
    });
    if (!ok) throw new AppError('ALREADY_EXISTS');
    const end = await fulfilIfComplete(trx, {
      caseId: opts.caseId,
      status: t.status,
      version: t.version,
      actor: opts.actor,
      at,
    });
    return { followUpId: f.id, doneAt: at, status: end.status, caseVersion: end.version };
  });
}
