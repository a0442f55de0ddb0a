import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { replaceDutyRotaDay } from '../../db/repositories/mediator-availability-repository.js';
import { findMediatorProfiles } from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireRosterManager } from './require-roster-access.js';

/** Sets who is on site on one (org-local) day; an empty list clears the day. */
export async function setDutyRotaDay(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string; onDate: string; mediatorIds: string[] },
) {
  requireRosterManager(opts.actor, opts.orgId);
  const ids = [...new Set(opts.mediatorIds)];
  const found = await findMediatorProfiles(ctx.db, ids);
  for (const [i, id] of ids.entries()) {
    const m = found.find((f) => f.id === id);
    if (!m || m.orgId !== opts.orgId || !m.active) {
      throw new AppError('VALIDATION_FAILED', { field: `mediatorIds.${i}` });
    }
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceDutyRotaDay(trx, { orgId: opts.orgId, onDate: opts.onDate, mediatorIds: ids, at });
    await appendAuditEvent(trx, {
      orgId: opts.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'duty_rota.set',
      entityType: 'duty_rota',
      entityId: null,
      summary: { after: { onDate: opts.onDate, mediatorIds: ids } },
      at,
    });
  });
  return { onDate: opts.onDate, mediatorIds: ids };
}
