import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  access,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { dirname, join, resolve, sep } from 'node:path';
import {
  StoredDocumentError,
  isStorageKey,
  requireIntact,
  sha256OfStorageKey,
  storageKeyOf,
  verifyingStream,
  type DocumentStore,
} from './document-store.js';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

/** Files under `<dataDir>/documents/<2 hex>/<sha256>`, written atomically (temp file + rename). */
export class DirectoryDocumentStore implements DocumentStore {
  private readonly root: string;
  readonly location: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir);
    this.location = join(this.root, 'documents');
  }

  private pathOf(key: string): string {
    sha256OfStorageKey(key);
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) throw new Error('bad storage key');
    return p;
  }

  async requireReachable(): Promise<void> {
    try {
      await mkdir(this.location, { recursive: true });
      await access(this.location, constants.W_OK);
    } catch (e) {
      throw new Error(`document store ${this.location} is not writable: ${(e as Error).message}`);
    }
  }

  async put(sha256: string, bytes: Buffer): Promise<string> {
    const key = storageKeyOf(sha256);
    const path = this.pathOf(key);
    if (await this.exists(key)) return key;
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    // Read-only: stored evidence is never edited in place.
    await writeFile(tmp, bytes, { mode: 0o440, flush: true });
    await rename(tmp, path);
    return key;
  }

  async find(key: string): Promise<Buffer | undefined> {
    if (!isStorageKey(key)) return undefined;
    try {
      return await readFile(this.pathOf(key));
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
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
    return stat(this.pathOf(key)).then(
      (s) => s.isFile(),
      (e: unknown) => {
        if (isMissing(e)) return false;
        throw e;
      },
    );
  }

  async stream(key: string): Promise<Readable> {
    // Opened before returning, so a missing file fails here rather than mid-response.
    const handle = await open(this.pathOf(key), 'r').catch((e: unknown) => {
      throw isMissing(e) ? new StoredDocumentError('missing', key, this.location) : e;
    });
    return verifyingStream(key, handle.createReadStream(), this.location);
  }

  async delete(key: string): Promise<void> {
    if (!isStorageKey(key)) return;
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<{ key: string; size: number }> {
    const fans = await readdir(this.location).catch((e: unknown) => {
      if (isMissing(e)) return [] as string[];
      throw e;
    });
    for (const fan of fans.sort()) {
      if (!/^[0-9a-f]{2}$/.test(fan)) continue;
      const names = await readdir(join(this.location, fan)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        // Skips the `*.tmp` files of writes in progress and anything else not a stored object.
        const key = `documents/${fan}/${name}`;
        if (!isStorageKey(key)) continue;
        const s = await stat(this.pathOf(key)).catch(() => undefined);
        if (s?.isFile()) yield { key, size: s.size };
      }
    }
  }
}
