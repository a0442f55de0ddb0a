import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { decryptField } from '../../domain/encrypt-personal-data.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  listOrgIdsOfUser,
  markTotpConfirmed,
  revokeOtherSessions,
} from '../../db/repositories/trust-account-repository.js';
import { clearSessionRestriction } from '../../db/repositories/staff-totp-repository.js';
import { findUserById } from '../../db/repositories/user-repository.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';
import { matchTotpCode } from './match-totp-code.js';

/**
 * Completes enrolment with a code from the new secret. From now on sign-in needs a code, and
 * every other session of the account (signed in with the password alone) is revoked.
 */
export async function confirmTotp(
  ctx: UseCaseContext,
  opts: { actor: Actor; sessionId: string | null; code: string },
): Promise<void> {
  const user = await findUserById(ctx.db, opts.actor.userId);
  if (!user?.totp_secret_enc) throw new AppError('NOT_FOUND');
  if (user.totp_confirmed_at) throw new AppError('ALREADY_EXISTS', { field: 'totp' });
  const secret = decryptField(loadFieldKeyring(ctx.config), user.totp_secret_enc);
  const now = ctx.clock.now();
  const step = await matchTotpCode(secret, opts.code, now);
  if (step === null) throw new AppError('VALIDATION_FAILED', { field: 'code' });
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await markTotpConfirmed(trx, user.id, step, at);
    await revokeOtherSessions(trx, user.id, opts.sessionId, at);
    // Possession of the second factor is now proven: this session may reach everything again.
    if (opts.sessionId) await clearSessionRestriction(trx, opts.sessionId);
    for (const orgId of await listOrgIdsOfUser(trx, user.id)) {
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: user.id,
        actorLabel: opts.actor.displayName,
        action: 'user.totp_enabled',
        entityType: 'user',
        entityId: user.id,
        summary: {},
        at,
      });
    }
  });
}
