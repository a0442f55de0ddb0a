import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { createCase, createOrg } from '../support/factories.js';
import {
  queueCaseEvent,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../support/notification-factories.js';

let d: TestDatabase;
let smtp: TestSmtpServer;
beforeAll(async () => {
  d = await createTestDatabase();
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await d.drop();
});

const stderr: string[] = [];

/** `accord worker` as its own process against the test database, like production runs it. */
function spawnWorker(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ACCORD_DATA_DIR: d.dataDir,
    ACCORD_SECRET: 'test-secret-test-secret-test-secret-0000',
    ACCORD_SMTP_URL: smtp.url,
    ACCORD_PUBLIC_URL: 'https://accord.test',
    ACCORD_LOG_LEVEL: 'silent',
  };
  if (d.target.engine === 'postgres') env.DATABASE_URL = d.target.url;
  // `node --import tsx` rather than `npx tsx`: one process, so SIGKILL hits the worker itself
  // and not a launcher that would leave it running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--poll-ms', '100', '--lease-seconds', '2'],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  return child;
}

const exited = (p: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve(p.signalCode ?? p.exitCode);
    else p.once('exit', (code, signal) => resolve(signal ?? code));
  });

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`a worker killed with SIGKILL mid-batch (${testEngine})`, () => {
  it('delivers every message exactly once after a restart', { timeout: 180_000 }, async () => {
    const org = await createOrg(d.db);
    const c = await createCase(d.db, { orgId: org.id, status: 'in_mediation' });
    const rows = 8;
    for (let i = 0; i < rows; i++) {
      await queueCaseEvent(d.db, {
        orgId: org.id,
        caseId: c.id,
        event: 'message.posted',
        at: `2026-03-01T00:00:0${i}.000Z`,
      });
    }
    const expected = rows * 2; // two parties per event

    // Kill the worker while the 7th message is in flight: the server has the data but has not
    // answered, so the worker cannot know whether it was delivered.
    const first = spawnWorker();
    smtp.onMessage = (n) => {
      if (n === 7) {
        smtp.behaviour = 'hang';
        first.kill('SIGKILL');
      }
    };
    expect(await exited(first)).toBe('SIGKILL');
    expect(smtp.accepted.length).toBe(6);
    const stuck = await d.db
      .selectFrom('outbox')
      .select('status')
      .where('status', '=', 'sending')
      .execute();
    expect(stuck.length).toBeGreaterThan(0);

    smtp.onMessage = undefined;
    smtp.behaviour = 'accept';
    const second = spawnWorker();
    try {
      await waitFor(async () => {
        const left = await d.db
          .selectFrom('outbox')
          .select('id')
          .where('status', '!=', 'done')
          .execute();
        return left.length === 0;
      }, 'the outbox to drain');
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }

    expect(smtp.accepted.length).toBe(expected);
    const ids = smtp.accepted.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(expected);
    const perRecipient = new Set(
      smtp.accepted.map((m) => `${m.messageId}|${(m.to as { text: string }).text}`),
    );
    expect(perRecipient.size).toBe(expected);
    expect(stderr.join('')).toBe('');
  });
});
