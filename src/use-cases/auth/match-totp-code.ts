import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 TOTP as authenticator apps use it: SHA-1, 6 digits, 30-second steps. */
export const newTotpSecret = (): string => generateSecret();

export const totpUri = (email: string, secret: string): string =>
  generateURI({ issuer: 'Accord', label: email, secret });

/**
 * The time step a code belongs to, or null if it matches none. One step of clock drift either
 * way is accepted; a step at or before `afterStep` (already used) is refused.
 */
export async function matchTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterStep?: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const r = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null && afterStep !== undefined ? { afterTimeStep: afterStep } : {}),
  });
  return r.valid && 'timeStep' in r ? r.timeStep : null;
}
