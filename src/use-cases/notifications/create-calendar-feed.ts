import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { replaceCalendarFeed } from '../../db/repositories/notification-calendar-repository.js';
import { hashToken, newSessionToken } from '../auth/issue-session-token.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * The organisation in which the actor is a mediator: the one asked for, or the only one.
 * Someone who mediates nowhere has no sessions to publish (403).
 */
export async function requireMediatorOrg(
  ctx: UseCaseContext,
  actor: Actor,
  orgId: string | undefined,
): Promise<string> {
  const orgs = await ctx.db
    .selectFrom('mediator_profiles')
    .select('org_id')
    .where('user_id', '=', actor.userId)
    .where('active', '=', 1)
    .execute();
  const ids = [...new Set(orgs.map((o) => o.org_id))];
  if (orgId) {
    if (!ids.includes(orgId)) throw new AppError('FORBIDDEN');
    return orgId;
  }
  if (ids.length === 0) throw new AppError('FORBIDDEN');
  if (ids.length > 1) throw new AppError('VALIDATION_FAILED', { field: 'orgId' });
  return ids[0]!;
}

/**
 * Creates the mediator's personal calendar feed, revoking the previous one (so this also
 * rotates). The token is shown once; only its hash is stored.
 */
export async function createCalendarFeed(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string },
): Promise<{ url: string; token: string }> {
  const orgId = await requireMediatorOrg(ctx, o.actor, o.orgId);
  const token = newSessionToken();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const feedId = await replaceCalendarFeed(trx, {
      orgId,
      userId: o.actor.userId,
      tokenHash: hashToken(token),
      at,
    });
    await appendAuditEvent(trx, {
      orgId,
      actorUserId: o.actor.userId,
      actorLabel: o.actor.displayName,
      action: 'calendar_feed.create',
      entityType: 'calendar_feed',
      entityId: feedId,
      summary: {},
      at,
    });
  });
  return { url: `${ctx.config.publicUrl}/api/v1/calendar/${token}.ics`, token };
}
