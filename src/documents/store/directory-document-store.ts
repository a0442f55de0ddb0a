import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { storageKeyOf, type DocumentStore } from './document-store.js';

/** Files under `<dataDir>/documents/<2 hex>/<sha256>`, written atomically (temp file + rename). */
export class DirectoryDocumentStore implements DocumentStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir);
  }

  private pathOf(key: string): string {
    if (!/^documents\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('bad storage key');
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) throw new Error('bad storage key');
    return p;
  }

  async put(sha256: string, bytes: Buffer): Promise<string> {
    const key = storageKeyOf(sha256);
    const path = this.pathOf(key);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (exists) return key;
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    // Read-only: stored evidence is never edited in place.
    await writeFile(tmp, bytes, { mode: 0o440, flush: true });
    await rename(tmp, path);
    return key;
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }
}
