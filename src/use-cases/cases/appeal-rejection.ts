import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  findRejectionAppeal,
  insertRejectionAppeal,
} from '../../db/repositories/case-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseUpdate } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * A party of a rejected case appeals to the director, once per case. A second appeal is
 * INVALID_TRANSITION; the unique index on the case makes that hold under concurrency too.
 */
export async function appealRejection(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['party']);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const party = await trx
      .selectFrom('case_parties')
      .select('id')
      .where('case_id', '=', opts.caseId)
      .where('user_id', '=', opts.actor.userId)
      .executeTakeFirstOrThrow();
    if (await findRejectionAppeal(trx, opts.caseId)) {
      throw new AppError('INVALID_TRANSITION', {
        params: { state: 'rejected' },
        details: { state: 'rejected', action: 'appeal_rejection', reason: 'already_appealed' },
      });
    }
    const r = await applyCaseUpdate(trx, {
      caseId: opts.caseId,
      expectedVersion: opts.version,
      allowedFrom: ['rejected'],
      auditAction: 'case.appeal_rejection',
      actor: opts.actor,
      at,
      summary: { reason: opts.reason },
    });
    const id = newId();
    await insertRejectionAppeal(trx, {
      id,
      orgId: r.orgId,
      caseId: opts.caseId,
      partyId: party.id,
      reason: opts.reason,
      at,
    });
    // The director decides it: without this notice an appeal waited unseen.
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'case.rejection_appealed',
      params: { appealId: id },
      at,
      dedupeKey: id,
    });
    return { ...r, appealId: id };
  });
}
