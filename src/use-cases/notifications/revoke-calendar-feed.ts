import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { revokeCalendarFeeds } from '../../db/repositories/notification-calendar-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireMediatorOrg } from './create-calendar-feed.js';

export async function revokeCalendarFeed(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string },
): Promise<{ revoked: number }> {
  const orgId = await requireMediatorOrg(ctx, o.actor, o.orgId);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const revoked = await revokeCalendarFeeds(trx, { orgId, userId: o.actor.userId, at });
    if (revoked > 0) {
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: o.actor.userId,
        actorLabel: o.actor.displayName,
        action: 'calendar_feed.revoke',
        entityType: 'calendar_feed',
        summary: { revoked },
        at,
      });
    }
    return { revoked };
  });
}
