import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { renameWebauthnCredentialOfUser } from '../../db/repositories/passkey-repository.js';
import { listOrgIdsOfUser } from '../../db/repositories/trust-account-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

export const MAX_PASSKEY_NAME_LENGTH = 60;

/**
 * `PATCH /api/v1/me/passkeys/:passkeyId`: the party's own name for a passkey ("my phone"); an
 * empty name clears it. Another account's passkey, or none: 404.
 */
export async function renamePasskey(
  ctx: UseCaseContext,
  opts: { actor: Actor; passkeyId: string; name: string },
): Promise<void> {
  const name = opts.name.trim().replace(/\s+/g, ' ');
  if (name.length > MAX_PASSKEY_NAME_LENGTH) {
    throw new AppError('VALIDATION_FAILED', { field: 'name' });
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const renamed = await renameWebauthnCredentialOfUser(trx, {
      id: opts.passkeyId,
      userId: opts.actor.userId,
      name: name === '' ? null : name,
    });
    if (!renamed) throw new AppError('NOT_FOUND');
    for (const orgId of await listOrgIdsOfUser(trx, opts.actor.userId)) {
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: opts.actor.userId,
        actorLabel: opts.actor.displayName,
        action: 'user.passkey_renamed',
        entityType: 'user',
        entityId: opts.actor.userId,
        summary: { passkeyId: opts.passkeyId },
        at,
      });
    }
  });
}
