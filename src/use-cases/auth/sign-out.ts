import { revokeAuthSession } from '../../db/repositories/auth-session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

export async function signOut(ctx: UseCaseContext, opts: { sessionId: string }): Promise<void> {
  await revokeAuthSession(ctx.db, opts.sessionId, ctx.clock.now().toISOString());
}
