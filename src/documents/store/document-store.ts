/**
 * Where uploaded files live. Content-addressed: the key is derived from the SHA-256 of the
 * bytes, never from anything the client sent, so a name cannot climb out of the store and the
 * same evidence uploaded twice is stored once. A directory today; an S3-compatible store later
 * implements the same interface.
 */
export interface DocumentStore {
  /** Stores the bytes (a no-op if that content is already there) and returns the storage key. */
  put(sha256: string, bytes: Buffer): Promise<string>;
  /** The bytes under `key`; throws if missing. */
  get(key: string): Promise<Buffer>;
}

/** `documents/ab/abcdef…`: the first two hex digits fan the files out over 256 directories. */
export function storageKeyOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256 hex digest');
  return `documents/${sha256.slice(0, 2)}/${sha256}`;
}
