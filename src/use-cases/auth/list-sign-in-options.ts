import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { listWebauthnCredentialsOfUser } from '../../db/repositories/passkey-repository.js';
import { findUserById } from '../../db/repositories/user-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** How the signed-in user can sign in besides an e-mailed link: a password, passkeys. */
export async function listSignInOptions(
  ctx: UseCaseContext,
  opts: { actor: Actor },
): Promise<{
  hasPassword: boolean;
  passkeys: { id: string; createdAt: string; lastUsedAt: string | null }[];
}> {
  const user = await findUserById(ctx.db, opts.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const passkeys = await listWebauthnCredentialsOfUser(ctx.db, user.id);
  return {
    hasPassword: user.password_hash !== null,
    passkeys: passkeys.map((p) => ({
      id: p.id,
      createdAt: p.created_at,
      lastUsedAt: p.last_used_at,
    })),
  };
}
