import { revokeAllAuthSessionsOfUser } from '../../db/repositories/auth-session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Ends every session of the user, this one included: for a lost phone or a shared computer. */
export async function signOutEverywhere(
  ctx: UseCaseContext,
  opts: { userId: string },
): Promise<number> {
  return revokeAllAuthSessionsOfUser(ctx.db, opts.userId, ctx.clock.now().toISOString());
}
