import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  dumpDatabase,
  listAppliedMigrations,
} from '../../db/repositories/trust-backup-repository.js';
import { sha256OfStorageKey } from '../../documents/store/document-store.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import type { UseCaseContext } from '../use-case-context.js';
import { TarWriter } from './tar-archive.js';

export const BACKUP_FORMAT = 'accord-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

export interface BackupManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: 'sqlite' | 'postgres';
  migrations: string[];
  entries: BackupManifestEntry[];
}

export const databaseEntryName = (engine: 'sqlite' | 'postgres') =>
  engine === 'sqlite' ? 'database/accord.sqlite' : 'database/accord.pgdump';

export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1024 * 1024);
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * `accord backup FILE`: the database and the document store in one tar archive with a
 * manifest of SHA-256 per file. Runs beside a serving process. The documents are listed and
 * read through the store's interface, so a directory and an S3 bucket are backed up alike,
 * each object checked against the SHA-256 its key names as it is read. The database snapshot is taken
 * first and the documents copied after it: documents are content-addressed and written before
 * the row that points at them commits, so every document the snapshot refers to is present.
 * The field-encryption secret and key file are deliberately left out (docs/decisions/0011).
 */
export async function createBackup(
  ctx: UseCaseContext,
  opts: { file: string },
): Promise<BackupManifest> {
  const file = resolve(opts.file);
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file name`);
  const work = mkdtempSync(join(dirname(file), `.${basename(file)}.work-`));
  const partial = file + '.partial';
  try {
    const engine = ctx.config.database.engine;
    const dumpFile = join(work, basename(databaseEntryName(engine)));
    await dumpDatabase(ctx.config.database, dumpFile);
    const migrations = await listAppliedMigrations(ctx.db);

    const store = openDocumentStore(ctx.config);
    const objects: BackupManifestEntry[] = [];
    for await (const o of store.list()) {
      objects.push({ path: o.key, size: o.size, sha256: sha256OfStorageKey(o.key) });
    }
    const databaseEntry: BackupManifestEntry = {
      path: databaseEntryName(engine),
      size: statSync(dumpFile).size,
      sha256: sha256OfFile(dumpFile),
    };
    const entries = [databaseEntry, ...objects];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: ctx.clock.now().toISOString(),
      engine,
      migrations,
      entries,
    };

    const tar = new TarWriter(partial, ctx.clock.now());
    try {
      tar.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
      const written = tar.addFile(databaseEntry.path, dumpFile, databaseEntry.size);
      if (written !== databaseEntry.sha256) throw new Error('the database dump changed');
      for (const o of objects) {
        // `get` fails on an object missing or altered since it was listed.
        const bytes = await store.get(o.path);
        if (bytes.length !== o.size) throw new Error(`${o.path} changed during the backup`);
        tar.addBuffer(o.path, bytes);
      }
      tar.finish();
    } catch (e) {
      tar.abort();
      throw e;
    }
    renameSync(partial, file);
    return manifest;
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
