import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findMediatorProfile,
  setMediatorActive,
} from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { presentMediator } from './present-mediator.js';
import { requireAccessibleMediator } from './require-roster-access.js';

/**
 * Takes a mediator off (or, with active=true, back on) the roster. The profile and its history
 * stay: past cases still name them; matching and coverage count only active mediators.
 */
export async function deactivateMediator(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string; active?: boolean },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: false,
  });
  const active = opts.active ?? false;
  const at = ctx.clock.now().toISOString();
  if (m.active !== active) {
    await ctx.db.transaction().execute(async (trx) => {
      await setMediatorActive(trx, { id: m.id, active, at });
      await appendAuditEvent(trx, {
        orgId: m.orgId,
        actorUserId: opts.actor.userId,
        actorLabel: opts.actor.displayName,
        action: active ? 'mediator.reactivated' : 'mediator.deactivated',
        entityType: 'mediator_profile',
        entityId: m.id,
        summary: { before: { active: m.active }, after: { active } },
        at,
      });
    });
  }
  return presentMediator(ctx.config, (await findMediatorProfile(ctx.db, m.id))!);
}
