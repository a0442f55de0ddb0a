import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3StoreOptions } from '../../src/documents/store/s3-document-store.js';

export interface TestS3Server {
  endpoint: string;
  /** Store options for a bucket that exists on this server. */
  options(bucket?: string): S3StoreOptions;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver: the S3 REST API over HTTP, objects in a temporary
 * directory) on a free loopback port. It knows one access key, S3RVER, and refuses others; it
 * does not verify SigV4 signatures themselves.
 */
export async function startS3Server(buckets: string[] = ['accord-test']): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'accord-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    options: (bucket = buckets[0]!) => ({
      endpoint,
      bucket,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
