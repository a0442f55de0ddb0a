import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { encryptField } from '../../domain/encrypt-personal-data.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  listOrgIdsOfUser,
  setPendingTotpSecret,
} from '../../db/repositories/trust-account-repository.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';
import { newTotpSecret, totpUri } from './match-totp-code.js';

/**
 * Starts two-factor enrolment: a fresh secret, stored encrypted and pending until a code from
 * it is confirmed. Refused once a confirmed secret exists, so a stolen session cannot replace
 * the second factor.
 */
export async function enrollTotp(
  ctx: UseCaseContext,
  opts: { actor: Actor },
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = newTotpSecret();
  const at = ctx.clock.now().toISOString();
  const enc = encryptField(loadFieldKeyring(ctx.config), secret);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await setPendingTotpSecret(trx, opts.actor.userId, enc, at))) {
      throw new AppError('ALREADY_EXISTS', { field: 'totp' });
    }
    for (const orgId of await listOrgIdsOfUser(trx, opts.actor.userId)) {
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: opts.actor.userId,
        actorLabel: opts.actor.displayName,
        action: 'user.totp_enrolment_started',
        entityType: 'user',
        entityId: opts.actor.userId,
        summary: {},
        at,
      });
    }
  });
  return { secret, otpauthUri: totpUri(opts.actor.email, secret) };
}
