import type { Config } from '../../config/load-config.js';

/** How long a passkey challenge may be answered: the browser's prompt, with time to spare. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * The WebAuthn relying party is the public address of this deployment (ACCORD_PUBLIC_URL): its
 * host is the RP ID (which may not be an IP address) and its origin the only one accepted.
 */
export function relyingPartyOf(config: Pick<Config, 'publicUrl'>): {
  rpID: string;
  rpName: string;
  origin: string;
} {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, rpName: 'Accord', origin: url.origin };
}

/** The challenge a browser signed, read from its clientDataJSON; undefined when unreadable. */
export function challengeOf(clientDataJSON: string): string | undefined {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof data.challenge === 'string' ? data.challenge : undefined;
  } catch {
    return undefined;
  }
}
