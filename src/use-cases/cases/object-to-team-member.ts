import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  insertTeamObjection,
  listActiveTeam,
  listTeamObjections,
} from '../../db/repositories/case-team-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * A party objects to a member of the team, with a reason, once per case (DESIGN §3). A second
 * objection by the same party is INVALID_TRANSITION. The officer then replaces the member
 * (setCaseTeam refuses to keep or re-add an objected mediator).
 */
export async function objectToTeamMember(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; mediatorId: string; reason: string },
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
    const team = await listActiveTeam(trx, opts.caseId);
    if (!team.some((m) => m.mediator_id === opts.mediatorId)) {
      throw new AppError('VALIDATION_FAILED', { field: 'mediatorId' });
    }
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'object_to_mediator',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      summary: { mediatorId: opts.mediatorId, partyId: party.id, reason: opts.reason },
    });
    if ((await listTeamObjections(trx, opts.caseId)).some((o) => o.party_id === party.id)) {
      throw new AppError('INVALID_TRANSITION', {
        params: { state: r.status },
        details: { state: r.status, action: 'object_to_mediator', reason: 'already_objected' },
      });
    }
    const id = await insertTeamObjection(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      partyId: party.id,
      mediatorId: opts.mediatorId,
      reason: opts.reason,
      at,
    });
    await emitCaseEvent(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      event: 'team.objection_raised',
      params: { objectionId: id, mediatorId: opts.mediatorId },
      at,
      dedupeKey: id,
    });
    return { ...r, objectionId: id };
  });
}
