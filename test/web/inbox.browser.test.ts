// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommittee,
  createTeamCase,
  insertAgreementFixture,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import { requireMemberEmail, requireUserEmail } from '../support/require-user-email.js';
import { queueCaseEvent } from '../support/notification-factories.js';
import { createMailSender } from '../../src/jobs/mail/create-mail-sender.js';
import { defaultWorkerOptions, processOutboxBatch } from '../../src/jobs/run-outbox-worker.js';
import { testConfig } from '../support/build-test-app.js';
import { systemClock } from '../../src/domain/clock.js';
import {
  appMessages,
  ensureWebBuild,
  launchBrowser,
  openSignedInPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
let c: TeamCase;
const db = () => server.database.db;

function catalogue(locale: string): (key: string) => string {
  const all = appMessages(locale, ['inbox']);
  return (key) => {
    const m = all[key];
    if (m === undefined) throw new Error(`no message ${key}`);
    return m;
  };
}
const ar = catalogue('ar');
const zh = catalogue('zh-CN');

/** The notifications of the queued case events, delivered as the worker would (without the
 * schedulers, which would add reminders of their own). */
async function deliver() {
  const config = testConfig(server.database.dataDir);
  const ctx = { db: db(), engine: server.database.engine, clock: systemClock, config };
  const sender = createMailSender(config, () => systemClock.now());
  while ((await processOutboxBatch(ctx, sender, defaultWorkerOptions)).claimed > 0);
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  c = await createTeamCase(db(), k, { status: 'performing' });
  await insertAgreementFixture(db(), k, c, { status: 'in_effect', monetary: true });
  const now = Date.now();
  for (const [i, event] of (
    ['case.accepted', 'agreement.in_effect', 'payment.verified'] as const
  ).entries())
    await queueCaseEvent(db(), {
      orgId: k.orgId,
      caseId: c.id,
      event,
      at: new Date(now - (3 - i) * 60_000).toISOString(),
    });
  await deliver();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the inbox', () => {
  it('a party (Arabic, phone) sees the count on the bell, opens one notification (it is read and the case opens) and marks the rest read', async () => {
    const { page, problems, context } = await openSignedInPage(
      browser,
      server,
      await requireUserEmail(db(), c.applicantUserId),
      { locale: 'ar-EG', viewport: 'phone' },
    );
    await page.goto(`${server.url}/my-cases`);
    const bell = page.getByTestId('inbox-bell');
    await page.getByTestId('inbox-count').waitFor();
    // The bell says what it is and how many are unread, in words (the badge is hidden from readers).
    expect(await bell.getAttribute('aria-label')).toContain('الإشعارات');
    const unreadBefore = Number(
      (await page.getByTestId('inbox-count').innerText()).replace(/[٠-٩]/g, (d) =>
        String(d.charCodeAt(0) - 0x0660),
      ),
    );
    expect(unreadBefore).toBe(3);
    await bell.click();
    await page.getByRole('heading', { level: 1, name: ar('inbox.title') }).waitFor();
    const list = page.locator('.inbox-list');
    await list.locator('li.unread').nth(2).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Titles in the screen's language (the account was created in English).
    await list.getByText('تم التحقق من الدفعة').waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-phone-inbox');

    // Opening the payment notice marks it read and lands on the case's performance panel.
    await list.locator('li.unread', { hasText: 'تم التحقق من الدفعة' }).locator('a').click();
    await page.waitForURL(`${server.url}/cases/${c.id}`);
    await page.locator('#performance-title').waitFor();
    // The bell's count falls by one (in whichever digits the locale writes).
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="inbox-count"]')
          ?.textContent?.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)) === '2',
    );

    await bell.click();
    await list.locator('li.unread').nth(1).waitFor();
    expect(await list.locator('li.unread').count()).toBe(2);
    await page.getByRole('button', { name: ar('inbox.markAllRead') }).click();
    await page.locator('[role="status"]', { hasText: ar('inbox.allRead') }).waitFor();
    await page.getByTestId('inbox-count').waitFor({ state: 'detached' });
    expect(await list.locator('li.unread').count()).toBe(0);
    const unread = await db()
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', c.applicantUserId)
      .where('read_at', 'is', null)
      .execute();
    expect(unread).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('the officer (Chinese, desktop) has a bell too', async () => {
    const { page, problems, context } = await openSignedInPage(
      browser,
      server,
      await requireMemberEmail(db(), k.orgId, 'officer'),
      { locale: 'zh-CN', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('heading', { level: 1, name: zh('inbox.title') }).waitFor();
    await page.getByTestId('inbox-bell').waitFor();
    await waitUntilSettled(page);
    await page.getByTestId('inbox-unread').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
