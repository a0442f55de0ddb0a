import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { deleteMediatorRelationship } from '../../db/repositories/mediator-relationship-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export async function removeMediatorRelationship(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string; relationshipId: string },
): Promise<void> {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteMediatorRelationship(trx, {
      mediatorId: m.id,
      id: opts.relationshipId,
    });
    if (!removed) throw new AppError('NOT_FOUND');
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.relationship_removed',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { before: { relationshipId: opts.relationshipId } },
      at,
    });
  });
}
