import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config/load-config.js';
import type { Clock } from '../../domain/clock.js';
import type { Database } from '../../db/schema.js';
import {
  isDatabaseEmpty,
  loadDatabaseDump,
} from '../../db/repositories/trust-backup-repository.js';
import { isStorageKey, sha256OfStorageKey } from '../../documents/store/document-store.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import { FIELD_KEY_FILE } from './load-field-keyring.js';
import {
  BACKUP_FORMAT,
  MANIFEST_NAME,
  databaseEntryName,
  type BackupManifest,
} from './create-backup.js';
import { readTarArchive } from './tar-archive.js';

const safePath =
  /^(database\/accord\.(sqlite|pgdump)|documents\/([A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+)$/;
const isSafePath = (p: string) =>
  safePath.test(p) && p.split('/').every((seg) => seg !== '.' && seg !== '..');

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  entries: z
    .array(
      z.object({
        path: z.string().refine(isSafePath, 'unsafe path in backup'),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});

/** Files a data dir may already hold and still count as empty: key material only. */
const allowedInEmptyDataDir = new Set(['secret', FIELD_KEY_FILE]);

export interface RestoreContext {
  config: Config;
  clock: Clock;
  /** The PostgreSQL database to restore into; unused (and better absent) for SQLite. */
  db?: Kysely<Database>;
}

/**
 * `accord restore FILE`: into an empty data dir, an empty document store and an empty database
 * only, so a restore can never mix two histories. Documents go in through the configured
 * store, so a backup taken from a directory can be restored into an S3 bucket and back. Every file is checked against the manifest's SHA-256 while it is
 * extracted to a staging directory; nothing moves into place until the whole archive verified.
 */
export async function restoreBackup(
  ctx: RestoreContext,
  opts: { file: string },
): Promise<BackupManifest> {
  const { config } = ctx;
  mkdirSync(config.dataDir, { recursive: true });
  const present = readdirSync(config.dataDir).filter((n) => !allowedInEmptyDataDir.has(n));
  if (present.length > 0) {
    throw new Error(
      `data dir ${config.dataDir} is not empty (${present.slice(0, 5).join(', ')}); restore needs an empty one`,
    );
  }
  const store = openDocumentStore(config);
  for await (const o of store.list()) {
    throw new Error(
      `document store ${store.location} is not empty (${o.key}); restore needs an empty one`,
    );
  }
  if (config.database.engine === 'postgres') {
    if (!ctx.db) throw new Error('restore into PostgreSQL needs a database connection');
    if (!(await isDatabaseEmpty(ctx.db))) {
      throw new Error('the target PostgreSQL database is not empty; create a new one');
    }
  }

  const staging = mkdtempSync(join(config.dataDir, '.restore-'));
  try {
    let manifest: BackupManifest | undefined;
    const expected = new Map<string, { size: number; sha256: string }>();
    const seen = new Set<string>();
    let first = true;

    readTarArchive(opts.file, (entry) => {
      if (first) {
        first = false;
        if (entry.name !== MANIFEST_NAME) throw new Error('not an Accord backup (no manifest)');
        const parts: Buffer[] = [];
        return {
          write: (c) => parts.push(Buffer.from(c)),
          end: () => {
            const parsed = manifestSchema.safeParse(
              JSON.parse(Buffer.concat(parts).toString('utf8')),
            );
            if (!parsed.success) throw new Error('the backup manifest is not valid');
            manifest = parsed.data;
            if (manifest.engine !== config.database.engine) {
              throw new Error(
                `the backup is of a ${manifest.engine} database, but the target is ${config.database.engine}`,
              );
            }
            for (const e of manifest.entries) expected.set(e.path, e);
          },
        };
      }
      const want = expected.get(entry.name);
      // A document's hash is its key: an entry whose manifest hash differs is not a document.
      const keyMismatch =
        entry.name.startsWith('documents/') &&
        (!isStorageKey(entry.name) || sha256OfStorageKey(entry.name) !== want?.sha256);
      if (!want || seen.has(entry.name) || want.size !== entry.size || keyMismatch) {
        throw new Error(`unexpected entry in backup: ${JSON.stringify(entry.name)}`);
      }
      seen.add(entry.name);
      const target = join(staging, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      const fd = openSync(target, 'wx', 0o600);
      const hash: Hash = createHash('sha256');
      return {
        write: (c) => {
          hash.update(c);
          writeSync(fd, c);
        },
        end: () => {
          fsyncSync(fd);
          closeSync(fd);
          if (hash.digest('hex') !== want.sha256) {
            throw new Error(`${entry.name} does not match its SHA-256 in the manifest`);
          }
        },
      };
    });

    if (!manifest) throw new Error('not an Accord backup (no manifest)');
    const missing = [...expected.keys()].filter((p) => !seen.has(p));
    if (missing.length > 0)
      throw new Error(`backup is incomplete: ${missing.length} files missing`);
    const dbEntry = databaseEntryName(manifest.engine);
    if (!expected.has(dbEntry)) throw new Error('backup holds no database');

    // Documents before the rows that name them, as everywhere else in Accord.
    for (const e of manifest.entries) {
      if (e.path !== dbEntry) await store.put(e.sha256, readFileSync(join(staging, e.path)));
    }
    await loadDatabaseDump(config.database, join(staging, dbEntry));
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
