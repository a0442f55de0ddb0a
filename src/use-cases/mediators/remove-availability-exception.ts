import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { deleteAvailabilityException } from '../../db/repositories/mediator-availability-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export async function removeAvailabilityException(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string; exceptionId: string },
): Promise<void> {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await deleteAvailabilityException(trx, { mediatorId: m.id, exceptionId: opts.exceptionId }))
    ) {
      throw new AppError('NOT_FOUND');
    }
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.availability_exception_removed',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { before: { id: opts.exceptionId } },
      at,
    });
  });
}
