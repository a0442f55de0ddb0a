import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/factories.js';
import {
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
  });

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
