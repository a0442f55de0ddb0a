import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { storageKeyOf } from './store/document-store.js';

/**
 * Generated documents live in the same content-addressed store as uploads
 * (src/documents/store: key `documents/<2 hex>/<sha256>` under the data directory), so the
 * dossier, the ZIP and the purge treat them alike. Synchronous on purpose: the typst compiler
 * is synchronous too, and these are single small files.
 */
function pathOf(dataDir: string, storageKey: string): string {
  const root = resolve(dataDir);
  const p = resolve(root, storageKey);
  // A storage key from the database must never point outside the data directory.
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
