import {
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { newId } from '../../domain/new-id.js';
import { insertWebauthnChallenge } from '../../db/repositories/passkey-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { PASSKEY_CHALLENGE_TTL_MS, relyingPartyOf } from './passkey-relying-party.js';

/**
 * Options for a usernameless sign-in: no credentials are listed (the browser offers the
 * passkeys it holds for this site), so the answer says nothing about any account.
 */
export async function startPasskeySignIn(
  ctx: UseCaseContext,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = relyingPartyOf(ctx.config);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: 'required',
  });
  const now = ctx.clock.now();
  await insertWebauthnChallenge(ctx.db, {
    id: newId(),
    challenge: options.challenge,
    purpose: 'authenticate',
    userId: null,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS).toISOString(),
  });
  return options;
}
