import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import {
  insertWebauthnChallenge,
  listWebauthnCredentialsOfUser,
} from '../../db/repositories/passkey-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { isPartyOnly } from './choose-session-lifetime.js';
import { PASSKEY_CHALLENGE_TTL_MS, relyingPartyOf } from './passkey-relying-party.js';

/**
 * The options for the browser to create a passkey for the signed-in party: a discoverable
 * credential (so sign-in needs no address) with user verification. Staff sign in with password
 * and authenticator code; passkeys are for parties (docs/decisions/0024-sign-in-links.md).
 */
export async function startPasskeyRegistration(
  ctx: UseCaseContext,
  opts: { actor: Actor },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  if (!isPartyOnly(opts.actor)) throw new AppError('FORBIDDEN');
  const rp = relyingPartyOf(ctx.config);
  const existing = await listWebauthnCredentialsOfUser(ctx.db, opts.actor.userId);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: opts.actor.email,
    userDisplayName: opts.actor.displayName,
    userID: new TextEncoder().encode(opts.actor.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({
      id: c.id,
      transports: JSON.parse(c.transports_json) as never,
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const now = ctx.clock.now();
  await insertWebauthnChallenge(ctx.db, {
    id: newId(),
    challenge: options.challenge,
    purpose: 'register',
    userId: opts.actor.userId,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS).toISOString(),
  });
  return options;
}
