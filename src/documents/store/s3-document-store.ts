import type * as S3 from '@aws-sdk/client-s3';
import type { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import {
  StoredDocumentError,
  isStorageKey,
  requireIntact,
  sha256OfStorageKey,
  storageKeyOf,
  verifyingStream,
  type DocumentStore,
} from './document-store.js';

export interface S3StoreOptions {
  /** Absent for AWS itself; the URL of MinIO, Ceph RGW, an OSS/COS gateway… otherwise. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Both or neither: without them the SDK's default chain applies (instance role, env). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `host/bucket/key` URLs, which most self-hosted S3-compatible servers need. */
  forcePathStyle: boolean;
}

const isNotFound = (e: unknown) => {
  const x = e as Partial<S3ServiceException> | undefined;
  return x?.name === 'NoSuchKey' || x?.name === 'NotFound' || x?.$metadata?.httpStatusCode === 404;
};

type Sdk = typeof S3;
let sdkLoading: Promise<Sdk> | undefined;
// Loaded on first use: the SDK takes a noticeable part of a second to import, which every CLI
// command and every directory-store deployment would otherwise pay.
const loadSdk = () => (sdkLoading ??= import('@aws-sdk/client-s3'));

/**
 * Objects in an S3-compatible bucket under the same keys as the directory store, so a store
 * can be moved between the two by copying keys unchanged (`accord backup` / `restore`).
 */
export class S3DocumentStore implements DocumentStore {
  private connecting: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  private readonly bucket: string;
  readonly location: string;

  constructor(private readonly opts: S3StoreOptions) {
    this.bucket = opts.bucket;
    this.location = `s3://${opts.bucket}`;
  }

  private connect() {
    return (this.connecting ??= loadSdk().then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: this.opts.endpoint,
        region: this.opts.region,
        credentials: this.opts.credentials,
        forcePathStyle: this.opts.forcePathStyle,
        // The SDK's default CRC checksums are not understood by every S3-compatible server;
        // integrity is checked end to end against the SHA-256 in the key instead.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  }

  async requireReachable(): Promise<void> {
    try {
      const { sdk, client } = await this.connect();
      await client.send(new sdk.HeadBucketCommand({ Bucket: this.bucket }));
    } catch (e) {
      const status = (e as S3ServiceException).$metadata?.httpStatusCode;
      throw new Error(
        `document store ${this.location} is not reachable` +
          (status ? ` (HTTP ${status}${status === 404 ? ': no such bucket' : ''})` : '') +
          `: ${(e as Error).message || (e as Error).name}`,
      );
    }
  }

  async put(sha256: string, bytes: Buffer): Promise<string> {
    const key = storageKeyOf(sha256);
    // Same content, same key: an object already there is already right.
    if (await this.exists(key)) return key;
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
      }),
    );
    return key;
  }

  private async open(key: string): Promise<Readable | undefined> {
    sha256OfStorageKey(key);
    const { sdk, client } = await this.connect();
    try {
      const r = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return r.Body as Readable;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async find(key: string): Promise<Buffer | undefined> {
    if (!isStorageKey(key)) return undefined;
    const body = await this.open(key);
    if (!body) return undefined;
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async get(key: string): Promise<Buffer> {
    sha256OfStorageKey(key);
    const bytes = await this.find(key);
    if (!bytes) throw new StoredDocumentError('missing', key, this.location);
    requireIntact(key, bytes, this.location);
    return bytes;
  }

  async exists(key: string): Promise<boolean> {
    if (!isStorageKey(key)) return false;
    const { sdk, client } = await this.connect();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async stream(key: string): Promise<Readable> {
    const body = await this.open(key);
    if (!body) throw new StoredDocumentError('missing', key, this.location);
    return verifyingStream(key, body, this.location);
  }

  async delete(key: string): Promise<void> {
    if (!isStorageKey(key)) return;
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(): AsyncIterable<{ key: string; size: number }> {
    const { sdk, client } = await this.connect();
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: 'documents/',
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key && isStorageKey(o.Key)) yield { key: o.Key, size: o.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Closes the client's connection pool (tests and one-shot commands). */
  async close(): Promise<void> {
    const c = await this.connecting;
    c?.client.destroy();
  }
}
