import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for identity-document numbers and phone numbers (PIPL): AES-256-GCM with a
 * key derived from ACCORD_SECRET by HKDF. The ciphertext names its key id (`k1:`), so keys can
 * be rotated: new writes use the newest key, old rows stay readable until re-encrypted.
 */
export interface FieldKeyring {
  currentKeyId: string;
  keys: Map<string, Buffer>;
}

export function deriveFieldKey(secret: string, keyId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'accord-field-encryption', keyId, 32));
}

export function keyringFromSecret(secret: string, keyId = 'k1'): FieldKeyring {
  return { currentKeyId: keyId, keys: new Map([[keyId, deriveFieldKey(secret, keyId)]]) };
}

export function encryptField(ring: FieldKeyring, plaintext: string): string {
  const key = ring.keys.get(ring.currentKeyId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    ring.currentKeyId,
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join(':');
}

export function decryptField(ring: FieldKeyring, stored: string): string {
  const [keyId, iv, body, tag] = stored.split(':');
  const key = keyId ? ring.keys.get(keyId) : undefined;
  if (!key || !iv || !body || !tag) throw new Error('undecryptable field');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** Shows only the last `visible` characters: `E1234567` → `••••4567`. */
export function maskValue(value: string, visible = 4): string {
  const clean = value.replace(/\s+/g, '');
  if (clean.length <= visible) return '•'.repeat(clean.length);
  return '•'.repeat(Math.min(clean.length - visible, 8)) + clean.slice(-visible);
}
