import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import {
  countTableRows,
  hashTableContents,
} from '../../src/db/repositories/trust-table-hash-repository.js';
import { createBackup, sha256OfFile } from '../../src/use-cases/trust/create-backup.js';
import { restoreBackup } from '../../src/use-cases/trust/restore-backup.js';
import { createCase, createMediator, createOrg, createUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import {
  configFor,
  createEmptyRestoreTarget,
  writeAuditedChange,
  writeStoredDocument,
} from '../support/trust-factories.js';

let source: TestDatabase;
let orgId: string;
let outDir: string;
const docs: { sha: string; path: string }[] = [];

beforeAll(async () => {
  source = await createTestDatabase();
  outDir = mkdtempSync(join(tmpdir(), 'accord-backups-'));
  orgId = (await createOrg(source.db)).id;
  const officer = await createUser(source.db, { orgId, role: 'officer' });
  const mediator = await createMediator(source.db, { orgId, userId: officer.id });
  for (let i = 0; i < 3; i++) {
    await createCase(source.db, { orgId, status: 'in_mediation', teamMediatorIds: [mediator.id] });
  }
  for (let i = 1; i <= 5; i++) await writeAuditedChange(source.db, orgId, i);
  docs.push(writeStoredDocument(source.dataDir));
  docs.push(writeStoredDocument(source.dataDir, Buffer.alloc(0)));
  docs.push(writeStoredDocument(source.dataDir, Buffer.alloc(1024 * 1024 + 7, 0x61)));
});

afterAll(async () => {
  await source.drop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('accord backup / restore', () => {
  it('round-trips every table and every document with identical content hashes', async () => {
    const config = configFor(source);
    const file = join(outDir, 'round-trip.tar');
    const manifest = await createBackup({ db: source.db, clock: systemClock, config }, { file });
    expect(manifest.entries.length).toBe(1 + docs.length);
    for (const d of docs) {
      const rel = d.path.slice(source.dataDir.length + 1);
      expect(manifest.entries.find((e) => e.path === rel)?.sha256).toBe(d.sha);
    }

    const target = await createEmptyRestoreTarget();
    try {
      await restoreBackup({ db: target.db, clock: systemClock, config: target.config }, { file });
      const restored = target.open();
      expect(await hashTableContents(restored.db)).toEqual(await hashTableContents(source.db));
      expect(await countTableRows(restored.db)).toEqual(await countTableRows(source.db));
      for (const d of docs) {
        const rel = d.path.slice(source.dataDir.length + 1);
        expect(sha256OfFile(join(target.config.dataDir, rel))).toBe(d.sha);
      }
      expect(await findAuditChainBreak(restored.db)).toBeUndefined();
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore into a data dir or database that is not empty', async () => {
    const file = join(outDir, 'refuse.tar');
    await createBackup({ db: source.db, clock: systemClock, config: configFor(source) }, { file });
    await expect(
      restoreBackup({ db: source.db, clock: systemClock, config: configFor(source) }, { file }),
    ).rejects.toThrow(/not empty/);
    // Refuses before touching anything: the source keeps its data.
    expect(existsSync(docs[0]!.path)).toBe(true);
  });

  it('refuses an archive whose content does not match its manifest', async () => {
    const file = join(outDir, 'tampered.tar');
    await createBackup({ db: source.db, clock: systemClock, config: configFor(source) }, { file });
    const bytes = readFileSync(file);
    // Flip one byte inside the last (1 MiB of 'a') document's content.
    const at = bytes.lastIndexOf(Buffer.from('aaaaaaaa')) - 100;
    bytes[at] = 0x62;
    writeFileSync(file, bytes);
    const target = await createEmptyRestoreTarget();
    try {
      await expect(
        restoreBackup({ db: target.db, clock: systemClock, config: target.config }, { file }),
      ).rejects.toThrow(/SHA-256/);
      expect(existsSync(join(target.config.dataDir, 'documents'))).toBe(false);
    } finally {
      await target.drop();
    }
  });

  it('takes a consistent backup while another connection keeps writing', async () => {
    const writer = await createTestDatabase();
    const writerOrg = (await createOrg(writer.db)).id;
    writeStoredDocument(writer.dataDir);
    let n = 0;
    for (; n < 20; n++) await writeAuditedChange(writer.db, writerOrg, n + 1);
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        await writeAuditedChange(writer.db, writerOrg, ++n);
        // Requests reach a server as I/O events; yield like one, or better-sqlite3's
        // synchronous writes would starve the backup's steps of the event loop.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = join(outDir, 'concurrent.tar');
    const startedAt = n;
    try {
      await createBackup(
        { db: writer.db, clock: systemClock, config: configFor(writer) },
        { file },
      );
    } finally {
      stop = true;
      await writing;
    }
    const target = await createEmptyRestoreTarget();
    try {
      await restoreBackup({ db: target.db, clock: systemClock, config: target.config }, { file });
      const restored = target.open();
      expect(await findAuditChainBreak(restored.db)).toBeUndefined();
      const rows = await countTableRows(restored.db);
      // Every committed change brought its audit row and its outbox row, never one alone.
      expect(rows.audit_events).toBe(rows.outbox);
      expect(rows.audit_events).toBeGreaterThanOrEqual(startedAt);
      expect(rows.audit_events).toBeLessThanOrEqual(n);
      process.stdout.write(
        `backup under writes: ${n} changes committed, ${rows.audit_events} in the snapshot\n`,
      );
    } finally {
      await target.drop();
      await writer.drop();
    }
  });
});
