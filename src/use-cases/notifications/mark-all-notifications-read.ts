import type { Actor } from '../../domain/authorize-case-access.js';
import { markAllNotificationsRead as markAll } from '../../db/repositories/notification-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

export async function markAllNotificationsRead(
  ctx: UseCaseContext,
  o: { actor: Actor },
): Promise<{ updated: number }> {
  return {
    updated: await markAll(ctx.db, { userId: o.actor.userId, at: ctx.clock.now().toISOString() }),
  };
}
