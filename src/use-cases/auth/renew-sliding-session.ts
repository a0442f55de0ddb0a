import { renewSlidingSession } from '../../db/repositories/auth-session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** A sliding session is renewed at most once a day, so that reads do not write every time. */
export const RENEW_AFTER_MS = 86_400_000;

/**
 * Moves a party session's expiry to `slidingDays` past now when its last renewal (or its start)
 * is more than a day old. Returns the new expiry, or undefined when nothing was due.
 */
export async function renewSlidingSessionIfDue(
  ctx: UseCaseContext,
  s: { sessionId: string; createdAt: string; renewedAt: string | null; slidingDays: number | null },
): Promise<string | undefined> {
  if (s.slidingDays === null) return undefined;
  const now = ctx.clock.now();
  const renewedBefore = new Date(now.getTime() - RENEW_AFTER_MS).toISOString();
  if ((s.renewedAt ?? s.createdAt) >= renewedBefore) return undefined;
  const expiresAt = new Date(now.getTime() + s.slidingDays * 86_400_000).toISOString();
  const renewed = await renewSlidingSession(ctx.db, {
    id: s.sessionId,
    at: now.toISOString(),
    expiresAt,
    renewedBefore,
  });
  return renewed ? expiresAt : undefined;
}
