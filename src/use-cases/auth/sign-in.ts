import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import { decryptField } from '../../domain/encrypt-personal-data.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  countLoginFailuresSince,
  deleteLoginFailures,
  findLiveAuthSession,
  insertAuthSession,
  insertLoginFailure,
  revokeAuthSession,
} from '../../db/repositories/auth-session-repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox-repository.js';
import { userNeedsStaffTotpEnrollment } from '../../db/repositories/staff-totp-repository.js';
import { TOTP_ENROLLMENT_RESTRICTION } from '../../domain/session-restriction.js';
import {
  claimTotpStep,
  listOrgIdsOfUser,
  lockUserUntil,
} from '../../db/repositories/trust-account-repository.js';
import {
  findUserByEmail,
  normalizeEmail,
  type UserRow,
} from '../../db/repositories/user-repository.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';
import { verifyPassword } from './hash-password.js';
import { hashToken, newSessionToken } from './issue-session-token.js';
import { chooseSessionLifetime } from './choose-session-lifetime.js';
import { matchTotpCode } from './match-totp-code.js';
import { requireActorForUser } from './resolve-actor.js';
import type { Actor } from '../../domain/authorize-case-access.js';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;
export const LOCKOUT_MINUTES = 15;

// The account scope is a hash of the address, so the table does not list who was attacked.
export const accountScope = (email: string) =>
  'account:' + createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 32);
const ipScope = (ip: string) => 'ip:' + ip;

export interface SignInResult {
  token: string;
  expiresAt: string;
  actor: Actor;
  /** The session reaches only TOTP enrolment, /me and sign-out until a code is confirmed. */
  totpEnrollmentRequired: boolean;
}

/**
 * The failure that reaches the limit locks the account (users.locked_until) and tells its
 * owner: an in-app notification and an `account_locked` outbox job for the e-mail, written
 * with the lock in one transaction. Later failures inside the lock change nothing.
 */
async function lockAccount(ctx: UseCaseContext, user: UserRow, now: Date): Promise<void> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await lockUserUntil(trx, user.id, until);
    for (const orgId of await listOrgIdsOfUser(trx, user.id)) {
      await enqueueOutbox(trx, {
        orgId,
        kind: 'account_locked',
        idempotencyKey: `account_locked:${user.id}:${orgId}:${until}`,
        payload: { userId: user.id, lockedUntil: until, failures: MAX_FAILURES_PER_ACCOUNT },
        at,
      });
      await trx
        .insertInto('notifications')
        .values({
          id: newId(),
          org_id: orgId,
          user_id: user.id,
          kind: 'account_locked',
          params_json: JSON.stringify({ lockedUntil: until, minutes: LOCKOUT_MINUTES }),
          created_at: at,
        })
        .execute();
      await appendAuditEvent(trx, {
        orgId,
        actorUserId: null,
        actorLabel: 'system',
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        summary: { lockedUntil: until, failures: MAX_FAILURES_PER_ACCOUNT },
        at,
      });
    }
  });
}

export async function signIn(
  ctx: UseCaseContext,
  opts: {
    email: string;
    password: string;
    totpCode?: string;
    /** The session the browser still presents, if any: replaced by the new one. */
    currentSessionToken?: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<SignInResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const scopes = [accountScope(opts.email), ...(opts.ip ? [ipScope(opts.ip)] : [])];

  const [accountFailures, ipFailures] = await Promise.all([
    countLoginFailuresSince(ctx.db, scopes[0]!, since),
    opts.ip ? countLoginFailuresSince(ctx.db, scopes[1]!, since) : Promise.resolve(0),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', { params: { minutes: LOGIN_WINDOW_MINUTES } });
  }

  const user = await findUserByEmail(ctx.db, opts.email);
  if (user?.locked_until && user.locked_until > at) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    throw new AppError('RATE_LIMITED', { params: { minutes } });
  }
  const fail = async (field?: string): Promise<never> => {
    for (const scope of scopes) await insertLoginFailure(ctx.db, newId(), scope, at);
    if (user && accountFailures + 1 >= MAX_FAILURES_PER_ACCOUNT) await lockAccount(ctx, user, now);
    // Same answer whether or not the account exists.
    throw new AppError('INVALID_CREDENTIALS', field ? { field } : {});
  };
  const ok = await verifyPassword(user?.password_hash ?? null, opts.password);
  if (!user || !ok || user.disabled_at) return fail();

  // Two-factor: required once the user confirmed an authenticator (docs/decisions/0010).
  if (user.totp_confirmed_at && user.totp_secret_enc) {
    if (!opts.totpCode) throw new AppError('TOTP_REQUIRED', { field: 'totpCode' });
    const secret = decryptField(loadFieldKeyring(ctx.config), user.totp_secret_enc);
    const step = await matchTotpCode(secret, opts.totpCode, now, user.totp_last_step);
    if (step === null || !(await claimTotpStep(ctx.db, user.id, step))) return fail('totpCode');
  }
  await deleteLoginFailures(ctx.db, scopes[0]!);
  // Directors and officers of a committee that requires two-factor sign-in (the default) must
  // enrol before anything else; the password alone opens only the enrolment screens.
  const totpEnrollmentRequired =
    !user.totp_confirmed_at && (await userNeedsStaffTotpEnrollment(ctx.db, user.id));

  const token = newSessionToken();
  const actor = await requireActorForUser(ctx.db, user.id);
  const { expiresAt, slidingDays } = chooseSessionLifetime(ctx, actor, now);
  await ctx.db.transaction().execute(async (trx) => {
    // Session rotation: a token that existed before sign-in (possibly planted) never survives it.
    if (opts.currentSessionToken) {
      const old = await findLiveAuthSession(trx, hashToken(opts.currentSessionToken), at);
      if (old) await revokeAuthSession(trx, old.id, at);
    }
    await insertAuthSession(trx, {
      id: newId(),
      userId: user.id,
      tokenHash: hashToken(token),
      at,
      expiresAt,
      ip: opts.ip,
      userAgent: opts.userAgent,
      restriction: totpEnrollmentRequired ? TOTP_ENROLLMENT_RESTRICTION : null,
      slidingDays,
    });
  });
  return {
    token,
    expiresAt,
    actor,
    totpEnrollmentRequired,
  };
}
