import {
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
} from '@simplewebauthn/server';
import { AppError } from '../../domain/app-error.js';
import { newId } from '../../domain/new-id.js';
import {
  findLiveAuthSession,
  insertAuthSession,
  revokeAuthSession,
} from '../../db/repositories/auth-session-repository.js';
import {
  consumeWebauthnChallenge,
  findWebauthnCredential,
  recordWebauthnCredentialUse,
} from '../../db/repositories/passkey-repository.js';
import { findUserById } from '../../db/repositories/user-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { chooseSessionLifetime, isPartyOnly } from './choose-session-lifetime.js';
import { hashToken, newSessionToken } from './issue-session-token.js';
import { challengeOf, relyingPartyOf } from './passkey-relying-party.js';
import { requireActorForUser } from './resolve-actor.js';
import type { SignInResult } from './sign-in.js';

/**
 * Signs in with a passkey: the signed challenge must be live and unused, the credential known,
 * the signature valid for this site with the user verified. Every failure is the same
 * INVALID_CREDENTIALS. Passkeys belong to parties; an account that has since become staff signs
 * in with its password and authenticator code instead.
 */
export async function finishPasskeySignIn(
  ctx: UseCaseContext,
  opts: {
    response: AuthenticationResponseJSON;
    currentSessionToken?: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<SignInResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const refused = () => new AppError('INVALID_CREDENTIALS');
  const challenge = challengeOf(opts.response.response.clientDataJSON);
  if (!challenge) throw refused();
  const live = await consumeWebauthnChallenge(ctx.db, {
    challenge,
    purpose: 'authenticate',
    userId: null,
    at,
  });
  if (!live) throw refused();
  const credential = await findWebauthnCredential(ctx.db, opts.response.id);
  if (!credential) throw refused();
  const user = await findUserById(ctx.db, credential.user_id);
  if (!user || user.disabled_at) throw refused();
  const actor = await requireActorForUser(ctx.db, user.id);
  if (!isPartyOnly(actor)) throw refused();

  const rp = relyingPartyOf(ctx.config);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: opts.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(Buffer.from(credential.public_key, 'base64url')),
        counter: Number(credential.counter),
        transports: JSON.parse(credential.transports_json) as AuthenticatorTransportFuture[],
      },
    });
  } catch (e) {
    throw new AppError('INVALID_CREDENTIALS', { cause: e });
  }
  if (!verified.verified) throw refused();

  const token = newSessionToken();
  const { expiresAt, slidingDays } = chooseSessionLifetime(ctx, actor, now);
  await ctx.db.transaction().execute(async (trx) => {
    await recordWebauthnCredentialUse(trx, {
      id: credential.id,
      counter: verified.authenticationInfo.newCounter,
      at,
    });
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
      slidingDays,
    });
  });
  return { token, expiresAt, actor, totpEnrollmentRequired: false };
}
