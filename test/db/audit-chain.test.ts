import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { createOrg } from '../support/factories.js';
import {
  appendAuditEvent,
  findAuditChainBreak,
} from '../../src/db/repositories/audit-repository.js';

let d: TestDatabase;
let orgA: string;
let orgB: string;
beforeAll(async () => {
  d = await createTestDatabase();
  orgA = (await createOrg(d.db)).id;
  orgB = (await createOrg(d.db)).id;
});
afterAll(async () => d.drop());

const append = (orgId: string, i: number, summary: Record<string, unknown> = { n: i }) =>
  d.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      orgId,
      actorUserId: null,
      actorLabel: 'test',
      action: 'test.event',
      entityType: 'test',
      entityId: String(i),
      summary,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    }),
  );

/** Runs `accord audit verify` as a separate process against the test database. */
function runVerify(): { stdout: string; status: number | null } {
  const env = {
    ...process.env,
    ACCORD_LOG_LEVEL: 'silent',
    ACCORD_SECRET: 'x'.repeat(40),
  } as NodeJS.ProcessEnv;
  if (d.target.engine === 'sqlite') {
    env.ACCORD_DATA_DIR = d.dataDir;
    delete env.DATABASE_URL;
  } else {
    env.DATABASE_URL = d.target.url;
  }
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'audit', 'verify'], {
    env,
    encoding: 'utf8',
  });
  return { stdout: r.stdout + r.stderr, status: r.status };
}

describe(`audit chain on ${testEngine}`, () => {
  it('chains per organisation with consecutive sequence numbers, also under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => append(i % 2 ? orgA : orgB, i)));
    const rows = await d.db
      .selectFrom('audit_events')
      .select(['org_id', 'seq'])
      .where('org_id', '=', orgA)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await findAuditChainBreak(d.db)).toBeUndefined();
  });

  it('never stores secrets or document numbers from a summary', async () => {
    await append(orgA, 99, {
      after: {
        password: 'hunter2',
        idDocumentNumber: 'E12345678',
        phone: '+8613800000000',
        name: 'ok',
      },
    });
    const row = await d.db
      .selectFrom('audit_events')
      .select('summary_json')
      .orderBy('created_at', 'desc')
      .where('entity_id', '=', '99')
      .executeTakeFirstOrThrow();
    expect(row.summary_json).not.toMatch(/hunter2|E12345678|13800000000/);
    expect(row.summary_json).toContain('ok');
  });

  it('`accord audit verify` prints ok, then names the first tampered row', async () => {
    const ok = runVerify();
    expect(ok.stdout).toMatch(/^ok \(\d+ events\)/m);
    expect(ok.status).toBe(0);

    await d.db
      .updateTable('audit_events')
      .set({ summary_json: '{"n":"forged"}' })
      .where('org_id', '=', orgA)
      .where('seq', '=', 3)
      .execute();
    const broken = runVerify();
    expect(broken.stdout).toContain(`broken: org ${orgA} seq 3 (hash_mismatch)`);
    expect(broken.status).toBe(1);
  }, 60_000);

  it('detects a deleted row as a gap', async () => {
    await d.db.deleteFrom('audit_events').where('org_id', '=', orgB).where('seq', '=', 2).execute();
    const found = await findAuditChainBreak(d.db);
    expect(found).toBeDefined();
  });
});
