import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { deleteWebauthnCredentialOfUser } from '../../db/repositories/passkey-repository.js';
import { listOrgIdsOfUser } from '../../db/repositories/trust-account-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * `DELETE /api/v1/me/passkeys/:passkeyId`: the passkey no longer signs anyone in (a lost phone).
 * Another account's passkey, or none: 404, so that ids of others' credentials cannot be probed.
 * The e-mailed link always remains, so removing the last passkey never locks the party out.
 */
export async function removePasskey(
  ctx: UseCaseContext,
  opts: { actor: Actor; passkeyId: string },
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteWebauthnCredentialOfUser(trx, {
      id: opts.passkeyId,
      userId: opts.actor.userId,
    });
    if (!removed) throw new AppError('NOT_FOUND');
    for (const orgId of await listOrgIdsOfUser(trx, opts.actor.userId)) {
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: opts.actor.userId,
        actorLabel: opts.actor.displayName,
        action: 'user.passkey_removed',
        entityType: 'user',
        entityId: opts.actor.userId,
        summary: { passkeyId: opts.passkeyId },
        at,
      });
    }
  });
}
