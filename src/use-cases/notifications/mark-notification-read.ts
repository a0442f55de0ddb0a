import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  findNotificationOfUser,
  markNotificationRead as markRead,
} from '../../db/repositories/notification-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Another user's notification answers 404, like one that does not exist. */
export async function markNotificationRead(
  ctx: UseCaseContext,
  o: { actor: Actor; id: string },
): Promise<{ readAt: string }> {
  const n = await findNotificationOfUser(ctx.db, o.id, o.actor.userId);
  if (!n) throw new AppError('NOT_FOUND');
  if (n.read_at) return { readAt: n.read_at };
  const at = ctx.clock.now().toISOString();
  await markRead(ctx.db, { id: o.id, userId: o.actor.userId, at });
  return { readAt: at };
}
