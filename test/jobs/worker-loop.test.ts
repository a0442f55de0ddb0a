import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/build-test-app.js';
import { createCase, createOrg } from '../support/factories.js';
import { queueCaseEvent } from '../support/notification-factories.js';
import { systemClock } from '../../src/domain/clock.js';
import { createMailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { devMailboxDir } from '../../src/mail/dev-mailbox.js';
import { defaultWorkerOptions, startOutboxWorker } from '../../src/jobs/run-outbox-worker.js';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase();
});
afterAll(async () => d.drop());

describe(`the in-process worker loop (${testEngine})`, () => {
  it('delivers rows committed while it runs into the dev mailbox, and stops cleanly', async () => {
    const config = testConfig(d.dataDir);
    expect(config.smtpUrl).toBeUndefined();
    const ctx = { db: d.db, clock: systemClock, config };
    const worker = startOutboxWorker(
      ctx,
      createMailSender(config, () => new Date()),
      {
        ...defaultWorkerOptions,
        pollMs: 50,
      },
    );
    try {
      const org = await createOrg(d.db);
      const c = await createCase(d.db, { orgId: org.id });
      const id = await queueCaseEvent(d.db, {
        orgId: org.id,
        caseId: c.id,
        event: 'case.accepted',
      });
      for (let i = 0; i < 600; i++) {
        const row = await d.db
          .selectFrom('outbox')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (row.status === 'done') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const dir = devMailboxDir(config.dataDir);
      expect(existsSync(dir)).toBe(true);
      // Two parties, each a .eml and its .json summary.
      expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    } finally {
      await worker.stop();
    }
  });
});
