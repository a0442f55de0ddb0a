import { verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  consumeWebauthnChallenge,
  insertWebauthnCredential,
} from '../../db/repositories/passkey-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { isPartyOnly } from './choose-session-lifetime.js';
import { challengeOf, relyingPartyOf } from './passkey-relying-party.js';

/**
 * Stores the passkey the browser created, after checking that it answers a live challenge issued
 * to this account, for this site, with the user verified. Anything wrong: 400 on `response`.
 */
export async function finishPasskeyRegistration(
  ctx: UseCaseContext,
  opts: { actor: Actor; response: RegistrationResponseJSON },
): Promise<{ id: string; createdAt: string }> {
  if (!isPartyOnly(opts.actor)) throw new AppError('FORBIDDEN');
  const refused = () => new AppError('VALIDATION_FAILED', { field: 'response' });
  const at = ctx.clock.now().toISOString();
  const challenge = challengeOf(opts.response.response.clientDataJSON);
  if (!challenge) throw refused();
  const live = await consumeWebauthnChallenge(ctx.db, {
    challenge,
    purpose: 'register',
    userId: opts.actor.userId,
    at,
  });
  if (!live) throw refused();
  const rp = relyingPartyOf(ctx.config);
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: opts.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { field: 'response', cause: e });
  }
  if (!verified.verified) throw refused();
  const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
  await insertWebauthnCredential(ctx.db, {
    id: credential.id,
    userId: opts.actor.userId,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? [],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    at,
  });
  return { id: credential.id, createdAt: at };
}
