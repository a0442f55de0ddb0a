import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LINK_OUTBOX_ORG } from '../../src/use-cases/auth/request-sign-in-link.js';
import { listPlatformDeadOutboxRows } from '../../src/use-cases/notifications/list-platform-dead-outbox-rows.js';
import { sessionFor } from '../support/agreement-factories.js';
import { enqueueDeadOutboxRow } from '../support/authorization-world.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { testEngine } from '../support/test-database.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Runs `accord outbox …` as a separate process against the test database. */
function accord(...args: string[]): { output: string; status: number | null } {
  const env = {
    ...process.env,
    ACCORD_LOG_LEVEL: 'silent',
    ACCORD_SECRET: 'x'.repeat(40),
    USER: 'ops-on-call',
  } as NodeJS.ProcessEnv;
  const target = t.database.target;
  if (target.engine === 'sqlite') {
    env.ACCORD_DATA_DIR = t.database.dataDir;
    delete env.DATABASE_URL;
  } else {
    env.DATABASE_URL = target.url;
  }
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'outbox', ...args], {
    env,
    encoding: 'utf8',
  });
  return { output: r.stdout + r.stderr, status: r.status };
}

describe(`sign-in links the worker gave up on (org 'platform'), on ${testEngine}`, () => {
  it("reach the operator through `accord outbox`, never a committee's director", async () => {
    const db = t.database.db;
    const org = await createOrg(db);
    const director = await createUser(db, { orgId: org.id, role: 'director' });
    const as = await sessionFor(db, director.id);
    const platformRow = await enqueueDeadOutboxRow(db, SIGN_IN_LINK_OUTBOX_ORG);
    const committeeRow = await enqueueDeadOutboxRow(db, org.id);

    // The director sees the committee's row only, and cannot retry the platform's.
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/outbox/dead',
      headers: as,
    });
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([
      committeeRow,
    ]);
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${platformRow}/retry`,
      headers: as,
    });
    expect(retried.statusCode).toBe(404);

    // The operator's list: the platform's row only, without its payload.
    const page = await listPlatformDeadOutboxRows(t.deps, { limit: 10 });
    expect(page.items.map((i) => [i.id, i.orgId, i.attempts, i.lastError])).toEqual([
      [platformRow, SIGN_IN_LINK_OUTBOX_ORG, 8, 'test'],
    ]);
    expect(JSON.stringify(page)).not.toContain('payload');

    const dead = accord('dead');
    expect(dead.status, dead.output).toBe(0);
    expect(dead.output).toContain(platformRow);
    expect(dead.output).not.toContain(committeeRow);
    expect(dead.output).toContain('1 dead');

    // A committee's row stays its director's; the platform's is queued again, audited.
    const notOurs = accord('retry', committeeRow);
    expect(notOurs.status).toBe(1);
    expect(notOurs.output).toContain("a committee's rows are its director's");
    const again = accord('retry', platformRow);
    expect(again.status, again.output).toBe(0);
    const row = await db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('id', '=', platformRow)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', attempts: 0 });
    const committee = await db
      .selectFrom('outbox')
      .select('status')
      .where('id', '=', committeeRow)
      .executeTakeFirstOrThrow();
    expect(committee.status).toBe('dead');
    const audit = await db
      .selectFrom('audit_events')
      .select(['org_id', 'actor_label', 'action', 'entity_id'])
      .where('action', '=', 'outbox.retry')
      .execute();
    expect(audit).toEqual([
      {
        org_id: SIGN_IN_LINK_OUTBOX_ORG,
        actor_label: 'cli:ops-on-call',
        action: 'outbox.retry',
        entity_id: platformRow,
      },
    ]);
    const twice = accord('retry', platformRow);
    expect(twice.status).toBe(1);
    expect(twice.output).toContain('is not dead');
    expect(accord('dead').output).toContain('0 dead');
  }, 120_000);
});
