import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/**
 * Content-addressed files under <dataDir>/documents/, the layout of the document store
 * (src/documents/store): the key is `sha256/<first two hex>/<hash>`. Kept to these few lines so
 * that it can be replaced by the store's interface without touching the generators.
 */
export function storageKeyOf(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

function pathOf(dataDir: string, storageKey: string): string {
  const root = resolve(dataDir, 'documents');
  const p = resolve(root, storageKey);
  // A storage key from the database must never point outside the store.
  if (!p.startsWith(root + sep)) throw new Error('storage key outside the document store');
  return p;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes bytes once (atomically, by rename) and returns their hash and storage key. */
export function writeContentAddressed(dataDir: string, bytes: Uint8Array) {
  const sha256 = sha256Hex(bytes);
  const storageKey = storageKeyOf(sha256);
  const p = pathOf(dataDir, storageKey);
  if (!existsSync(p)) {
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, p);
  }
  return { sha256, storageKey };
}

/** The stored bytes, or undefined when the file is missing. */
export function readStoredFile(dataDir: string, storageKey: string): Buffer | undefined {
  const p = pathOf(dataDir, storageKey);
  return existsSync(p) ? readFileSync(p) : undefined;
}
