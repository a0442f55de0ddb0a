import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { insertAvailabilityException } from '../../db/repositories/mediator-availability-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export const exceptionKinds = ['leave', 'travel', 'other'] as const;

/** Records leave or travel: whole local days (inclusive) on which the mediator is not available. */
export async function addAvailabilityException(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    mediatorId: string;
    kind: (typeof exceptionKinds)[number];
    startsOn: string;
    endsOn: string;
    note?: string | null;
  },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  if (opts.endsOn < opts.startsOn) throw new AppError('VALIDATION_FAILED', { field: 'endsOn' });
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertAvailabilityException(trx, {
      id,
      orgId: m.orgId,
      mediatorId: m.id,
      kind: opts.kind,
      startsOn: opts.startsOn,
      endsOn: opts.endsOn,
      note: opts.note ?? null,
      at,
    });
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.availability_exception_added',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { after: { id, kind: opts.kind, startsOn: opts.startsOn, endsOn: opts.endsOn } },
      at,
    });
  });
  return {
    id,
    kind: opts.kind,
    startsOn: opts.startsOn,
    endsOn: opts.endsOn,
    note: opts.note ?? null,
  };
}
