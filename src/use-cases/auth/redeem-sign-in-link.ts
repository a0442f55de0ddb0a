import { AppError } from '../../domain/app-error.js';
import { decryptField } from '../../domain/encrypt-personal-data.js';
import { newId } from '../../domain/new-id.js';
import { TOTP_ENROLLMENT_RESTRICTION } from '../../domain/session-restriction.js';
import {
  countLoginFailuresSince,
  deleteLoginFailures,
  findLiveAuthSession,
  insertAuthSession,
  insertLoginFailure,
  revokeAuthSession,
} from '../../db/repositories/auth-session-repository.js';
import {
  consumeSignInLink,
  findSignInLinkByHash,
  linkInvitedPartiesToUser,
} from '../../db/repositories/sign-in-link-repository.js';
import { userNeedsStaffTotpEnrollment } from '../../db/repositories/staff-totp-repository.js';
import { claimTotpStep } from '../../db/repositories/trust-account-repository.js';
import { findUserById } from '../../db/repositories/user-repository.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';
import { chooseSessionLifetime } from './choose-session-lifetime.js';
import { hashToken, newSessionToken } from './issue-session-token.js';
import { matchTotpCode } from './match-totp-code.js';
import { requireActorForUser } from './resolve-actor.js';
import {
  accountScope,
  LOGIN_WINDOW_MINUTES,
  MAX_FAILURES_PER_ACCOUNT,
  type SignInResult,
} from './sign-in.js';

/**
 * Exchanges an e-mailed sign-in link for a session, once. The link stands in for the password
 * only: an account with a confirmed authenticator still gives its code (TOTP_REQUIRED leaves
 * the link unused, so the same link works with the code), and staff who must still enrol are
 * sent to the password (TOTP_ENROLLMENT_REQUIRED). Unknown, used and expired links all answer
 * NOT_FOUND.
 */
export async function redeemSignInLink(
  ctx: UseCaseContext,
  opts: {
    token: string;
    totpCode?: string;
    currentSessionToken?: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<SignInResult & { next: string | null }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const link = await findSignInLinkByHash(ctx.db, hashToken(opts.token));
  if (!link || link.used_at || link.expires_at <= at) throw new AppError('NOT_FOUND');
  const user = await findUserById(ctx.db, link.user_id);
  if (!user || user.disabled_at) throw new AppError('NOT_FOUND');

  if (user.totp_confirmed_at && user.totp_secret_enc) {
    const scope = accountScope(user.email);
    const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
    if ((await countLoginFailuresSince(ctx.db, scope, since)) >= MAX_FAILURES_PER_ACCOUNT) {
      throw new AppError('RATE_LIMITED', { params: { minutes: LOGIN_WINDOW_MINUTES } });
    }
    if (!opts.totpCode) throw new AppError('TOTP_REQUIRED', { field: 'totpCode' });
    const secret = decryptField(loadFieldKeyring(ctx.config), user.totp_secret_enc);
    const step = await matchTotpCode(secret, opts.totpCode, now, user.totp_last_step);
    if (step === null || !(await claimTotpStep(ctx.db, user.id, step))) {
      await insertLoginFailure(ctx.db, newId(), scope, at);
      throw new AppError('INVALID_CREDENTIALS', { field: 'totpCode' });
    }
    await deleteLoginFailures(ctx.db, scope);
  }
  // Enrolment shows a new secret, which only someone who knows the password may see: staff who
  // must enrol sign in with their password first. The link stays unused. A staff account that
  // has no password (a committee's first director, invited by the platform administrator) has
  // no stronger credential than this link: it opens a session restricted to enrolment.
  const mustEnrol =
    !user.totp_confirmed_at && (await userNeedsStaffTotpEnrollment(ctx.db, user.id));
  if (mustEnrol && user.password_hash) throw new AppError('TOTP_ENROLLMENT_REQUIRED');

  const token = newSessionToken();
  const expiresAt = await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeSignInLink(trx, link.id, at))) throw new AppError('NOT_FOUND');
    // Opening the e-mail proves the address: invited parties with it join this account.
    await linkInvitedPartiesToUser(trx, { email: user.email, userId: user.id });
    // Session rotation: a token that existed before sign-in (possibly planted) never survives it.
    if (opts.currentSessionToken) {
      const old = await findLiveAuthSession(trx, hashToken(opts.currentSessionToken), at);
      if (old) await revokeAuthSession(trx, old.id, at);
    }
    const lifetime = chooseSessionLifetime(ctx, await requireActorForUser(trx, user.id), now);
    await insertAuthSession(trx, {
      id: newId(),
      userId: user.id,
      tokenHash: hashToken(token),
      at,
      expiresAt: lifetime.expiresAt,
      ip: opts.ip,
      userAgent: opts.userAgent,
      slidingDays: lifetime.slidingDays,
      restriction: mustEnrol ? TOTP_ENROLLMENT_RESTRICTION : null,
    });
    return lifetime.expiresAt;
  });
  return {
    token,
    expiresAt,
    actor: await requireActorForUser(ctx.db, user.id),
    totpEnrollmentRequired: mustEnrol,
    next: link.next_path,
  };
}
