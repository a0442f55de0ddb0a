import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/load-config.js';
import { systemClock } from '../../src/domain/clock.js';
import { newId } from '../../src/domain/new-id.js';
import { DirectoryDocumentStore } from '../../src/documents/store/directory-document-store.js';
import { storageKeyOf } from '../../src/documents/store/document-store.js';
import { openDocumentStore } from '../../src/documents/store/open-document-store.js';
import { createBackup } from '../../src/use-cases/trust/create-backup.js';
import { purgeCases } from '../../src/use-cases/trust/purge-cases.js';
import { restoreBackup } from '../../src/use-cases/trust/restore-backup.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { orgSlugOf, signInAsParty, submitThroughApi } from '../support/case-factories.js';
import { createCase, createOrg } from '../support/factories.js';
import { startS3Server, type TestS3Server } from '../support/start-s3-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { configFor, createEmptyRestoreTarget } from '../support/trust-factories.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let s3: TestS3Server;
let outDir: string;
const s3Config = (bucket: string): Pick<Config, 'documentStore'> => ({
  documentStore: { kind: 's3', ...s3.options(bucket) },
});

beforeAll(async () => {
  s3 = await startS3Server(['accord-app', 'accord-source', 'accord-target', 'accord-purge']);
  outDir = mkdtempSync(join(tmpdir(), 'accord-s3-backups-'));
});

afterAll(async () => {
  await s3.stop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('evidence over HTTP with ACCORD_DOCUMENT_STORE=s3', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: s3Config('accord-app') });
  });
  afterAll(async () => t.close());

  it('uploads into the bucket, not the data dir, and downloads the same bytes', async () => {
    const orgId = (await createOrg(t.database.db)).id;
    const caseId = (await submitThroughApi(t, { orgSlug: await orgSlugOf(t, orgId) })).id;
    const applicant = await signInAsParty(t, caseId, 'applicant');
    const pdf = Buffer.from(`%PDF-1.4\n% ${randomBytes(8).toString('hex')}\ntrailer<<>>\n%%EOF\n`);
    const boundary = '----accords3' + randomBytes(6).toString('hex');
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      headers: {
        ...applicant.headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.pdf"\r\n` +
            `Content-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(r.statusCode).toBe(201);
    const key = storageKeyOf(sha(pdf));
    expect(existsSync(join(t.deps.config.dataDir, key))).toBe(false);
    expect((await openDocumentStore(t.deps.config).get(key)).equals(pdf)).toBe(true);

    const dl = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents/${r.json().id}/content`,
      headers: applicant.headers,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
  });
});

describe('backup and restore with an S3 store', () => {
  let source: TestDatabase;
  let sourceConfig: Config;
  const objects: Buffer[] = [randomBytes(2000), Buffer.alloc(0), randomBytes(300_000)];

  beforeAll(async () => {
    source = await createTestDatabase();
    await createCase(source.db, { orgId: (await createOrg(source.db)).id, status: 'submitted' });
    sourceConfig = configFor(source, s3Config('accord-source'));
    const store = openDocumentStore(sourceConfig);
    for (const b of objects) await store.put(sha(b), b);
  });
  afterAll(async () => source.drop());

  it('backs up every object read through the store, and restores them into an empty bucket', async () => {
    const file = join(outDir, 's3-to-s3.tar');
    const m = await createBackup(
      { db: source.db, clock: systemClock, config: sourceConfig },
      { file },
    );
    for (const b of objects) {
      expect(m.entries).toContainEqual({
        path: storageKeyOf(sha(b)),
        size: b.length,
        sha256: sha(b),
      });
    }
    const target = await createEmptyRestoreTarget();
    try {
      const config = { ...target.config, ...s3Config('accord-target') };
      await restoreBackup({ db: target.db, clock: systemClock, config }, { file });
      const restored = openDocumentStore(config);
      for (const b of objects)
        expect((await restored.get(storageKeyOf(sha(b)))).equals(b)).toBe(true);
      // The documents went to the bucket, not to the data dir.
      expect(existsSync(join(target.config.dataDir, 'documents'))).toBe(false);
    } finally {
      await target.drop();
    }
  });

  it('moves a store between a bucket and a directory by backup and restore', async () => {
    const file = join(outDir, 's3-to-dir.tar');
    await createBackup({ db: source.db, clock: systemClock, config: sourceConfig }, { file });
    const target = await createEmptyRestoreTarget();
    try {
      await restoreBackup({ db: target.db, clock: systemClock, config: target.config }, { file });
      const dir = new DirectoryDocumentStore(target.config.dataDir);
      for (const b of objects) expect((await dir.get(storageKeyOf(sha(b)))).equals(b)).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore into a bucket that already holds documents, before touching anything', async () => {
    const file = join(outDir, 'refuse-s3.tar');
    await createBackup({ db: source.db, clock: systemClock, config: sourceConfig }, { file });
    const target = await createEmptyRestoreTarget();
    try {
      const config = { ...target.config, ...s3Config('accord-source') };
      await expect(
        restoreBackup({ db: target.db, clock: systemClock, config }, { file }),
      ).rejects.toThrow(/document store s3:\/\/accord-source is not empty/);
    } finally {
      await target.drop();
    }
  });

  it('stops with a clear error when an object in the bucket was altered', async () => {
    const bad = randomBytes(500);
    const key = await openDocumentStore(sourceConfig).put(sha(bad), bad);
    const raw = new S3Client({ ...s3.options('accord-source') });
    await raw.send(
      new PutObjectCommand({ Bucket: 'accord-source', Key: key, Body: randomBytes(500) }),
    );
    const file = join(outDir, 'altered.tar');
    await expect(
      createBackup({ db: source.db, clock: systemClock, config: sourceConfig }, { file }),
    ).rejects.toThrow(new RegExp(`${key} in s3://accord-source does not match its SHA-256`));
    expect(existsSync(file)).toBe(false);
    raw.destroy();
  });
});

describe('retention purge with an S3 store', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('deletes the objects no remaining row names, and keeps the shared ones', async () => {
    const config = configFor(database, s3Config('accord-purge'));
    const store = openDocumentStore(config);
    const orgId = (await createOrg(database.db)).id;
    const old = await createCase(database.db, { orgId, status: 'fulfilled' });
    const recent = await createCase(database.db, { orgId, status: 'fulfilled' });
    await database.db
      .updateTable('cases')
      .set({ closed_at: '2012-01-01T00:00:00.000Z' })
      .where('id', '=', old.id)
      .execute();
    await database.db
      .updateTable('cases')
      .set({ closed_at: systemClock.now().toISOString() })
      .where('id', '=', recent.id)
      .execute();
    const gone = randomBytes(1000);
    const kept = randomBytes(1000);
    const at = '2011-06-01T00:00:00.000Z';
    for (const [caseId, b] of [
      [old.id, gone],
      [old.id, kept],
      [recent.id, kept],
    ] as const) {
      await database.db
        .insertInto('documents')
        .values({
          id: newId(),
          org_id: orgId,
          case_id: caseId,
          kind: 'evidence',
          filename: 'e.bin',
          media_type: 'application/pdf',
          size_bytes: b.length,
          sha256: sha(b),
          storage_key: await store.put(sha(b), b),
          visibility: 'all',
          created_at: at,
        })
        .execute();
    }
    const r = await purgeCases(
      { db: database.db, clock: systemClock, config },
      { dryRun: false, operator: 'test' },
    );
    expect(r.cases.map((c) => c.reference)).toHaveLength(1);
    expect(r.deletedFiles).toBe(1);
    expect(await store.exists(storageKeyOf(sha(gone)))).toBe(false);
    expect(await store.exists(storageKeyOf(sha(kept)))).toBe(true);
  });
});
