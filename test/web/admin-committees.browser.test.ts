import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { createDevMailboxSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { readDevMailbox } from '../../src/mail/dev-mailbox.js';
import { testConfig } from '../support/build-test-app.js';
import { intakePayload } from '../support/case-factories.js';
import { createUser } from '../support/factories.js';
import {
  ensureWebBuild,
  launchBrowser,
  openPage,
  openSignedInPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;
let adminEmail: string;

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  const u = await createUser(server.database.db, { name: 'Platform Admin', locale: 'fa' });
  await server.database.db
    .updateTable('users')
    .set({ platform_admin: 1 })
    .where('id', '=', u.id)
    .execute();
  adminEmail = u.email;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the platform administrator in the browser', () => {
  it('lists the committees and creates one, on a phone in Persian (right to left)', async () => {
    const { context, page, problems } = await openSignedInPage(browser, server, adminEmail, {
      locale: 'fa',
      viewport: 'phone',
    });
    await page.goto(server.url + '/my-cases');
    await waitUntilSettled(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('کمیته‌های میانجیگری');
    // The demo committee, by its reference prefix, with figures only.
    await page.getByRole('row').filter({ hasText: '义外调' }).waitFor();

    await page.getByLabel('نام به چینی', { exact: true }).fill('温州市涉外纠纷人民调解委员会');
    await page
      .getByLabel('نام به انگلیسی', { exact: true })
      .fill('Wenzhou Foreign-Related Mediation Committee');
    await page.getByLabel('نام کوتاه برای نشانی وب', { exact: true }).fill('wenzhou-foreign');
    await page.getByLabel('پیشوند شماره پرونده (مثلاً 义外调)', { exact: true }).fill('温外调');
    await page.getByLabel('ایمیل نخستین مدیر', { exact: true }).fill('director@wenzhou.example');
    await screenshot(page, 'admin-committee-form-fa-phone');
    await page.getByRole('button', { name: 'ساختن کمیته' }).click();
    await page
      .getByText('کمیته ساخته شد؛ پیوند ورود به director@wenzhou.example فرستاده می‌شود.')
      .waitFor();
    await page.getByRole('row').filter({ hasText: '温外调' }).waitFor();
    await page.locator('h1').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-committees-fa-phone');

    const org = await server.database.db
      .selectFrom('organizations')
      .select(['slug', 'name_en'])
      .where('reference_prefix', '=', '温外调')
      .executeTakeFirstOrThrow();
    expect(org).toEqual({
      slug: 'wenzhou-foreign',
      name_en: 'Wenzhou Foreign-Related Mediation Committee',
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // The first director opens the e-mailed link in Chinese, enrols an authenticator (the new
    // committee requires two factors) and lands on an empty committee.
    const config = testConfig(server.database.dataDir);
    await drainOutbox(
      { db: server.database.db, clock: systemClock, config },
      createDevMailboxSender(config.dataDir, () => new Date()),
    );
    const mail = readDevMailbox(server.database.dataDir, 500).find(
      (m) => m.to.includes('director@wenzhou.example') && /\/sign-in\/[A-Za-z0-9_-]+/.test(m.text),
    );
    const token = /\/sign-in\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    const d = await openPage(browser, { locale: 'zh-CN', viewport: 'desktop' });
    await d.page.goto(`${server.url}/sign-in/${token!}`);
    const secret = (await d.page.getByTestId('totp-secret').textContent())!.trim();
    await d.page
      .locator('#login-totp')
      .fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) }));
    await d.page.getByRole('button', { name: '确认并继续' }).click();
    // Signed in as the director: the shell offers the director's dashboard.
    await d.page.getByRole('link', { name: '数据看板' }).click();
    await d.page.waitForURL(/\/director$/);
    await waitUntilSettled(d.page);
    await screenshot(d.page, 'zh-desktop-new-committee-director');
    // The committee's first application carries its own reference prefix.
    const filed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: intakePayload({ orgSlug: 'wenzhou-foreign' }),
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().reference).toMatch(/温外调 No\. 0001$/);
    expect(d.problems).toEqual([]);
    await d.context.close();
  }, 180_000);

  it('shows the committee list in Chinese on a desktop', async () => {
    const { context, page, problems } = await openSignedInPage(browser, server, adminEmail, {
      locale: 'zh-CN',
      viewport: 'desktop',
    });
    await page.goto(server.url + '/my-cases');
    await waitUntilSettled(page);
    await page.getByRole('row').filter({ hasText: '义外调' }).waitFor();
    await expect(page.locator('h1').first().textContent()).resolves.toBe('调解委员会');
    await screenshot(page, 'admin-committees-zh-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
