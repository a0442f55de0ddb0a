import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { checkPassword } from '../../domain/password-policy.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  listOrgIdsOfUser,
  revokeOtherSessions,
  setUserPasswordHash,
} from '../../db/repositories/trust-account-repository.js';
import { findUserById } from '../../db/repositories/user-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { hashPassword, verifyPassword } from './hash-password.js';

/**
 * `POST /api/v1/me/password`: needs the current password; ends every other session. A party
 * signed in by link or passkey has none yet: their first password needs only the session.
 */
export async function changePassword(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    sessionId: string | null;
    currentPassword?: string;
    newPassword: string;
  },
): Promise<void> {
  const user = await findUserById(ctx.db, opts.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (
    user.password_hash &&
    !(await verifyPassword(user.password_hash, opts.currentPassword ?? ''))
  ) {
    throw new AppError('VALIDATION_FAILED', { field: 'currentPassword' });
  }
  const problem = checkPassword(opts.newPassword, [user.email, user.display_name]);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', { field: 'newPassword', details: { rule: problem } });
  }
  const hash = await hashPassword(opts.newPassword);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await setUserPasswordHash(trx, user.id, hash, at);
    await revokeOtherSessions(trx, user.id, opts.sessionId, at);
    for (const orgId of await listOrgIdsOfUser(trx, user.id)) {
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: user.id,
        actorLabel: opts.actor.displayName,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        summary: {},
        at,
      });
    }
  });
}
