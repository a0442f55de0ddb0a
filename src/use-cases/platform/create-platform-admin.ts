import { encryptField } from '../../domain/encrypt-personal-data.js';
import { newId } from '../../domain/new-id.js';
import { enqueueOutbox } from '../../db/repositories/outbox-repository.js';
import { setUserPlatformAdmin } from '../../db/repositories/platform-org-repository.js';
import {
  findUserByEmail,
  insertUser,
  normalizeEmail,
} from '../../db/repositories/user-repository.js';
import {
  SIGN_IN_LINK_OUTBOX_KIND,
  SIGN_IN_LINK_OUTBOX_ORG,
  type SignInLinkJob,
} from '../auth/request-sign-in-link.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * `accord admin create`: makes the account with this address a platform administrator (a new
 * passwordless account, or an existing one promoted) and queues a sign-in link to it. The
 * operator at the console is the authority here, as for `accord org set`; no secret is
 * printed, the link goes by e-mail. The flag gives no committee membership, so the staff TOTP
 * rule (directors and officers of a requiring committee) does not apply to it.
 */
export async function createPlatformAdmin(
  ctx: UseCaseContext,
  o: { email: string; name?: string },
): Promise<{ userId: string; created: boolean }> {
  const email = normalizeEmail(o.email);
  const at = ctx.clock.now().toISOString();
  const keyring = loadFieldKeyring(ctx.config);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    const userId = existing?.id ?? newId();
    if (!existing) {
      await insertUser(trx, {
        id: userId,
        email,
        passwordHash: null,
        displayName: o.name?.trim() || email.split('@')[0]!,
        locale: 'en',
        at,
      });
    }
    await setUserPlatformAdmin(trx, { userId, at });
    // The administrator's home (the committees) is the page a user of no committee lands on.
    const job: SignInLinkJob = { emailEnc: encryptField(keyring, email), next: '/my-cases' };
    await enqueueOutbox(trx, {
      orgId: SIGN_IN_LINK_OUTBOX_ORG,
      kind: SIGN_IN_LINK_OUTBOX_KIND,
      idempotencyKey: `${SIGN_IN_LINK_OUTBOX_KIND}:platform-admin:${newId()}`,
      payload: job,
      at,
    });
    return { userId, created: !existing };
  });
}
