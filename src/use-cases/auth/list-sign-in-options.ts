import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { findUserById } from '../../db/repositories/user-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { listPasskeys, type PasskeySummary } from './list-passkeys.js';

/** How the signed-in user can sign in besides an e-mailed link: a password, passkeys. */
export async function listSignInOptions(
  ctx: UseCaseContext,
  opts: { actor: Actor },
): Promise<{ hasPassword: boolean; passkeys: PasskeySummary[] }> {
  const user = await findUserById(ctx.db, opts.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return {
    hasPassword: user.password_hash !== null,
    passkeys: await listPasskeys(ctx, opts),
  };
}
