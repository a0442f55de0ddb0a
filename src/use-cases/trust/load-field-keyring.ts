import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../../config/load-config.js';
import {
  decryptField,
  deriveFieldKey,
  encryptField,
  keyringFromSecret,
  type FieldKeyring,
} from '../../domain/encrypt-personal-data.js';

/**
 * The field-encryption key store. Key `k1` is derived from ACCORD_SECRET (so data written
 * before any rotation stays readable); every rotated key is 32 random bytes kept in
 * `<dataDir>/field-keys.json`, wrapped (AES-256-GCM) under a key-encryption key derived from
 * the same secret, so the key file alone decrypts nothing. The file names the current key.
 */
export const FIELD_KEY_FILE = 'field-keys.json';
const SECRET_KEY_ID = 'k1';

const keyFileSchema = z.object({
  version: z.literal(1),
  current: z.string().regex(/^k\d+$/),
  keys: z.array(
    z.object({ id: z.string().regex(/^k\d+$/), createdAt: z.string(), wrapped: z.string() }),
  ),
});
type KeyFile = z.infer<typeof keyFileSchema>;

const kekRing = (secret: string) => keyringFromSecret(secret, 'kek');

function readKeyFile(file: string): KeyFile | undefined {
  if (!existsSync(file)) return undefined;
  return keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function buildRing(secret: string, kf: KeyFile | undefined): FieldKeyring {
  const keys = new Map<string, Buffer>([[SECRET_KEY_ID, deriveFieldKey(secret, SECRET_KEY_ID)]]);
  for (const k of kf?.keys ?? []) {
    keys.set(k.id, Buffer.from(decryptField(kekRing(secret), k.wrapped), 'base64'));
  }
  const currentKeyId = kf?.current ?? SECRET_KEY_ID;
  if (!keys.has(currentKeyId)) throw new Error(`field key file names unknown key ${currentKeyId}`);
  return { currentKeyId, keys };
}

const cache = new Map<string, { stamp: string; ring: FieldKeyring }>();

/**
 * The keyring every reader and writer of `*_enc` columns uses. Cheap to call per request: it
 * re-reads the key file only when it changed, so a server picks up `accord keys rotate`
 * (run by another process) before the first re-encrypted row reaches it.
 */
export function loadFieldKeyring(config: Pick<Config, 'dataDir' | 'secret'>): FieldKeyring {
  const file = join(config.dataDir, FIELD_KEY_FILE);
  // The inode changes with every rename, so two rotations within one mtime tick still differ.
  const st = existsSync(file) ? statSync(file) : undefined;
  const stamp = st ? `${st.ino}:${st.mtimeMs}:${st.size}` : 'none';
  const cacheKey = `${file}\0${config.secret}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.stamp === stamp) return hit.ring;
  const ring = buildRing(config.secret, readKeyFile(file));
  cache.set(cacheKey, { stamp, ring });
  return ring;
}

/** Adds a new random key and makes it current. Old keys stay in the ring, so old rows still decrypt. */
export function addFieldKey(
  config: Pick<Config, 'dataDir' | 'secret'>,
  at: string,
): { keyId: string; ring: FieldKeyring } {
  const file = join(config.dataDir, FIELD_KEY_FILE);
  const kf: KeyFile = readKeyFile(file) ?? { version: 1, current: SECRET_KEY_ID, keys: [] };
  const ids = [SECRET_KEY_ID, ...kf.keys.map((k) => k.id)].map((id) => Number(id.slice(1)));
  const keyId = `k${Math.max(...ids) + 1}`;
  const wrapped = encryptField(kekRing(config.secret), randomBytes(32).toString('base64'));
  const next: KeyFile = {
    version: 1,
    current: keyId,
    keys: [...kf.keys, { id: keyId, createdAt: at, wrapped }],
  };
  // Write-then-rename: a reader sees the old file or the new one, never half of it.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  return { keyId, ring: loadFieldKeyring(config) };
}
