import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../src/config/load-config.js';
import type { Database } from '../../src/db/schema.js';
import { connectDatabase } from '../../src/db/connect-database.js';
import { appendAuditEvent } from '../../src/db/repositories/audit-repository.js';
import { enqueueOutbox } from '../../src/db/repositories/outbox-repository.js';
import { newId } from '../../src/domain/new-id.js';
import { testConfig } from './build-test-app.js';
import { createTestDatabase, testEngine, type TestDatabase } from './test-database.js';
import { storageKeyOf } from '../../src/documents/store/document-store.js';

/** The config of an app serving `database` (its data dir and its engine). */
export function configFor(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  return testConfig(database.dataDir, { database: database.target, ...overrides });
}

/**
 * An empty restore target: a fresh data dir and, on PostgreSQL, a fresh database without
 * even the migration tables. `open()` connects once the restore has filled it.
 */
export async function createEmptyRestoreTarget() {
  if (testEngine === 'postgres') {
    const database = await createTestDatabase({ migrate: false });
    return {
      config: configFor(database),
      db: database.db as Kysely<Database> | undefined,
      open: () => database,
      drop: () => database.drop(),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-restore-'));
  const target = { engine: 'sqlite' as const, file: join(dataDir, 'accord.sqlite') };
  let handle: ReturnType<typeof connectDatabase> | undefined;
  return {
    config: testConfig(dataDir, { database: target }),
    db: undefined as Kysely<Database> | undefined,
    open: () => (handle ??= connectDatabase(target)),
    drop: async () => {
      await handle?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Writes a content-addressed document file the way a store would: documents/ab/cd/<sha256>. */
export function writeStoredDocument(dataDir: string, content: Buffer = randomBytes(3000)) {
  const sha = createHash('sha256').update(content).digest('hex');
  // The document store's own layout (storageKeyOf), so tests exercise the real convention.
  const path = join(dataDir, storageKeyOf(sha));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return { sha, path };
}

/** One write of the kind every state change makes: an audit row and an outbox row, together. */
export async function writeAuditedChange(db: Kysely<Database>, orgId: string, n: number) {
  await db.transaction().execute(async (trx) => {
    const at = new Date(Date.UTC(2026, 2, 1, 0, 0, n)).toISOString();
    await appendAuditEvent(trx, {
      orgId,
      actorUserId: null,
      actorLabel: 'test writer',
      action: 'test.write',
      entityType: 'test',
      entityId: newId(),
      summary: { n },
      at,
    });
    await enqueueOutbox(trx, {
      orgId,
      kind: 'test.write',
      idempotencyKey: `test.write:${orgId}:${n}`,
      payload: { n },
      at,
    });
  });
}
