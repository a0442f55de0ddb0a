import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { WeeklySlot } from '../../domain/availability/mediator-availability.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { replaceWeeklyAvailability } from '../../db/repositories/mediator-availability-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAccessibleMediator } from './require-roster-access.js';

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Replaces the weekly on-call pattern (local times in the mediator's own time zone). */
export async function setWeeklyAvailability(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string; slots: WeeklySlot[] },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  opts.slots.forEach((s, i) => {
    if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7) {
      throw new AppError('VALIDATION_FAILED', { field: `slots.${i}.weekday` });
    }
    if (!timePattern.test(s.start) || s.start === '24:00') {
      throw new AppError('VALIDATION_FAILED', { field: `slots.${i}.start` });
    }
    if (!timePattern.test(s.end) || s.end <= s.start) {
      throw new AppError('VALIDATION_FAILED', { field: `slots.${i}.end` });
    }
  });
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceWeeklyAvailability(trx, { orgId: m.orgId, mediatorId: m.id, slots: opts.slots });
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.weekly_availability_set',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { after: { slots: opts.slots, timeZone: m.timeZone } },
      at,
    });
  });
  return { timeZone: m.timeZone, slots: opts.slots };
}
