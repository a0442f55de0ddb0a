import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryDocumentStore } from '../../src/documents/store/directory-document-store.js';
import {
  StoredDocumentError,
  storageKeyOf,
  type DocumentStore,
} from '../../src/documents/store/document-store.js';
import { S3DocumentStore } from '../../src/documents/store/s3-document-store.js';
import { startS3Server, type TestS3Server } from '../support/start-s3-server.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function drain(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function listAll(store: DocumentStore) {
  const out: { key: string; size: number }[] = [];
  for await (const o of store.list()) out.push(o);
  return out;
}

/** A store under test and a way to change an object's bytes behind its back. */
interface Subject {
  store: DocumentStore;
  overwrite(key: string, bytes: Buffer): Promise<void>;
}

let s3: TestS3Server;
let dataDir: string;
const subjects: Record<'directory' | 's3', () => Subject> = {
  directory: () => {
    const store = new DirectoryDocumentStore(dataDir);
    return {
      store,
      overwrite: async (key, bytes) => {
        const path = join(dataDir, key);
        chmodSync(path, 0o640);
        writeFileSync(path, bytes);
      },
    };
  },
  s3: () => {
    const options = s3.options();
    const raw = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: options.credentials,
      forcePathStyle: true,
    });
    return {
      store: new S3DocumentStore(options),
      overwrite: async (key, bytes) => {
        await raw.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: bytes }));
      },
    };
  },
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-store-'));
  s3 = await startS3Server(['accord-test']);
});

afterAll(async () => {
  await s3.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each(['directory', 's3'] as const)('document store contract: %s', (kind) => {
  let subject: Subject;
  beforeAll(() => {
    subject = subjects[kind]();
  });

  it('puts under the content key, once, and reads the same bytes back three ways', async () => {
    const { store } = subject;
    const bytes = randomBytes(70_000);
    const key = await store.put(sha(bytes), bytes);
    expect(key).toBe(storageKeyOf(sha(bytes)));
    expect(await store.put(sha(bytes), bytes)).toBe(key);
    expect(await store.exists(key)).toBe(true);
    expect((await store.get(key)).equals(bytes)).toBe(true);
    expect((await store.find(key))!.equals(bytes)).toBe(true);
    expect((await drain(await store.stream(key))).equals(bytes)).toBe(true);
  });

  it('stores an empty file and a large one (streamed in many chunks)', async () => {
    const { store } = subject;
    const empty = Buffer.alloc(0);
    const big = randomBytes(6 * 1024 * 1024 + 3);
    const emptyKey = await store.put(sha(empty), empty);
    const bigKey = await store.put(sha(big), big);
    expect((await store.get(emptyKey)).length).toBe(0);
    expect(sha(await drain(await store.stream(bigKey)))).toBe(sha(big));
  });

  it('lists every object with its size, in key order, and nothing else', async () => {
    const { store } = subject;
    const a = Buffer.from(`list a ${kind}`);
    const b = Buffer.from(`list b ${kind} longer`);
    await store.put(sha(a), a);
    await store.put(sha(b), b);
    const listed = await listAll(store);
    expect(listed.map((o) => o.key)).toEqual([...listed.map((o) => o.key)].sort());
    expect(listed).toContainEqual({ key: storageKeyOf(sha(a)), size: a.length });
    expect(listed).toContainEqual({ key: storageKeyOf(sha(b)), size: b.length });
    expect(listed.every((o) => /^documents\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(o.key))).toBe(true);
  });

  it('deletes; a missing object is a clear StoredDocumentError naming key and store', async () => {
    const { store } = subject;
    const bytes = Buffer.from(`to delete ${kind}`);
    const key = await store.put(sha(bytes), bytes);
    await store.delete(key);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    expect(await store.find(key)).toBeUndefined();
    const fromGet = await store.get(key).catch((e: unknown) => e);
    expect(fromGet).toBeInstanceOf(StoredDocumentError);
    expect(fromGet).toMatchObject({ reason: 'missing', key });
    expect((fromGet as Error).message).toContain(key);
    expect((fromGet as Error).message).toContain(store.location);
    await expect(store.stream(key)).rejects.toMatchObject({ reason: 'missing' });
    expect((await listAll(store)).some((o) => o.key === key)).toBe(false);
  });

  it('detects bytes altered behind its back: get and stream fail, find returns them as they are', async () => {
    const { store, overwrite } = subject;
    const bytes = Buffer.from(`evidence ${kind} `.repeat(1000));
    const key = await store.put(sha(bytes), bytes);
    const altered = Buffer.from(bytes);
    altered[500] = altered[500]! ^ 1;
    await overwrite(key, altered);
    await expect(store.get(key)).rejects.toMatchObject({ reason: 'altered', key });
    await expect(drain(await store.stream(key))).rejects.toMatchObject({ reason: 'altered' });
    expect((await store.find(key))!.equals(altered)).toBe(true);
    // Putting the true content again does not repair it: the key is taken, by design.
    expect(await store.put(sha(bytes), bytes)).toBe(key);
  });

  it('refuses keys outside its layout', async () => {
    const { store } = subject;
    const bad = ['documents/ab/../../secret', 'documents/zz/' + 'a'.repeat(64), 'x/y'];
    for (const key of bad) {
      await expect(store.get(key)).rejects.toThrow(/bad storage key/);
      await expect(store.stream(key)).rejects.toThrow(/bad storage key/);
      expect(await store.find(key)).toBeUndefined();
      expect(await store.exists(key)).toBe(false);
    }
    // The fan-out directory must be the hash's own first two digits.
    const h = sha(Buffer.from('fan'));
    await expect(store.get(`documents/00/${h}`)).rejects.toThrow(/bad storage key/);
    await expect(store.put('not-a-hash', Buffer.from('x'))).rejects.toThrow(/sha256/);
  });

  it('is reachable', async () => {
    await expect(subject.store.requireReachable()).resolves.toBeUndefined();
  });
});

describe('S3 store: reachability is checked with a clear message', () => {
  it('names a bucket that does not exist', async () => {
    const store = new S3DocumentStore({ ...s3.options(), bucket: 'no-such-bucket' });
    await expect(store.requireReachable()).rejects.toThrow(
      /s3:\/\/no-such-bucket is not reachable \(HTTP 404: no such bucket\)/,
    );
  });

  it('reports an unknown access key without echoing the secret', async () => {
    const secretAccessKey = 'definitely-wrong-secret-value';
    const store = new S3DocumentStore({
      ...s3.options(),
      credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey },
    });
    const err = (await store.requireReachable().catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/s3:\/\/accord-test is not reachable \(HTTP 403/);
    expect(err.message).not.toContain(secretAccessKey);
    await expect(store.get(storageKeyOf(sha(Buffer.from('x'))))).rejects.toThrow();
  });

  it('names a server that is not listening', async () => {
    const store = new S3DocumentStore({ ...s3.options(), endpoint: 'http://127.0.0.1:1' });
    await expect(store.requireReachable()).rejects.toThrow(/s3:\/\/accord-test is not reachable/);
  });
});
