import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';

/**
 * Where uploaded and generated files live. Content-addressed: the key is derived from the
 * SHA-256 of the bytes, never from anything the client sent, so a name cannot climb out of the
 * store and the same evidence uploaded twice is stored once. Two implementations share this
 * contract (test/documents/document-store-contract.test.ts): a directory and an S3-compatible
 * bucket, chosen by ACCORD_DOCUMENT_STORE.
 */
export interface DocumentStore {
  // A key outside the `documents/<2 hex>/<sha256>` layout names no object: find, exists and
  // delete treat it as absent; get, put and stream, which must produce bytes, throw.
  /** Where the objects are, for operators' messages (a path or s3://bucket); never a secret. */
  readonly location: string;
  /** Stores the bytes (a no-op if that content is already there) and returns the storage key. */
  put(sha256: string, bytes: Buffer): Promise<string>;
  /**
   * The bytes under `key`, checked against the SHA-256 the key names. Throws
   * StoredDocumentError when the object is missing or its bytes were altered.
   */
  get(key: string): Promise<Buffer>;
  /**
   * The bytes as stored, unchecked, or undefined when missing: for callers that report a
   * mismatch themselves (the dossier ZIP hashes what it packs) rather than fail.
   */
  find(key: string): Promise<Buffer | undefined>;
  exists(key: string): Promise<boolean>;
  /**
   * The bytes as a stream, for objects too big to hold twice. Missing → StoredDocumentError
   * before any byte; altered → the stream errors at its end, after the last chunk.
   */
  stream(key: string): Promise<Readable>;
  /** Removes the object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored object with its size, in key order (backups read the store through this). */
  list(): AsyncIterable<{ key: string; size: number }>;
  /** Throws a message naming the store unless it can be written; start-up calls it first. */
  requireReachable(): Promise<void>;
}

/** A stored object that is not there or no longer matches its hash: the store lost data. */
export class StoredDocumentError extends Error {
  constructor(
    public readonly reason: 'missing' | 'altered',
    public readonly key: string,
    location: string,
  ) {
    super(
      reason === 'missing'
        ? `stored document ${key} is missing from ${location}`
        : `stored document ${key} in ${location} does not match its SHA-256 (altered or damaged)`,
    );
    this.name = 'StoredDocumentError';
  }
}

const storageKeyPattern = /^documents\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** `documents/ab/abcdef…`: the first two hex digits fan the files out over 256 directories. */
export function storageKeyOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256 hex digest');
  return `documents/${sha256.slice(0, 2)}/${sha256}`;
}

/** The SHA-256 a storage key names; throws for anything that is not a well-formed key. */
export function sha256OfStorageKey(key: string): string {
  const m = storageKeyPattern.exec(key);
  if (!m || m[1] !== m[2]!.slice(0, 2)) throw new Error('bad storage key');
  return m[2]!;
}

export const isStorageKey = (key: string): boolean =>
  storageKeyPattern.test(key) && key.slice(10, 12) === key.slice(13, 15);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws StoredDocumentError('altered') unless `bytes` hash to the SHA-256 in `key`. */
export function requireIntact(key: string, bytes: Uint8Array, location: string): void {
  if (sha256Hex(bytes) !== sha256OfStorageKey(key)) {
    throw new StoredDocumentError('altered', key, location);
  }
}

/** Passes the bytes through and fails at the end if they do not hash to the key's SHA-256. */
export function verifyingStream(key: string, source: Readable, location: string): Readable {
  const want = sha256OfStorageKey(key);
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === want ? null : new StoredDocumentError('altered', key, location));
    },
  });
  source.on('error', (e) => check.destroy(e));
  return source.pipe(check);
}
