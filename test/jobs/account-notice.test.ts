import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { createDevMailboxSender } from '../../src/jobs/mail/create-mail-sender.js';
import { processOutboxBatch, defaultWorkerOptions } from '../../src/jobs/run-outbox-worker.js';
import { readDevMailbox } from '../../src/mail/dev-mailbox.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/use-cases/auth/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('account lock notice', () => {
  it('e-mails the owner once, in their language, when the account is locked', async () => {
    const org = await createOrg(t.database.db);
    const u = await createUser(t.database.db, { orgId: org.id, role: 'officer', locale: 'ar' });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: 'wrong password!' },
      });
    }
    const sender = createDevMailboxSender(t.deps.config.dataDir, () => t.clock.now());
    const first = await processOutboxBatch(t.deps, sender, defaultWorkerOptions);
    expect(first.dead).toBe(0);
    expect(first.done).toBeGreaterThanOrEqual(1);
    const row = await t.database.db
      .selectFrom('outbox')
      .select('status')
      .where('kind', '=', 'account_locked')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
    const mails = readDevMailbox(t.deps.config.dataDir, 50).filter((m) => m.to === u.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('تم قفل حسابك في Accord');
    // A second pass finds nothing more to send.
    await processOutboxBatch(t.deps, sender, defaultWorkerOptions);
    expect(readDevMailbox(t.deps.config.dataDir, 50).filter((m) => m.to === u.email)).toHaveLength(
      1,
    );
  });
});
