// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  viewports,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  // With the calibrated history, so the dashboard screenshots show the committee's real figures.
  server = await startWebServer({ history: true });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const publicPages = [
  { name: 'landing', path: '/' },
  { name: 'apply', path: '/apply' },
  { name: 'figures', path: '/figures' },
] as const;
const staffPages = [
  { name: 'director-dashboard', path: '/director' },
  { name: 'officer-queue', path: '/officer' },
  { name: 'director-roster', path: '/director/roster' },
  { name: 'director-audit', path: '/director/audit' },
  { name: 'director-notifications', path: '/director/notifications' },
  { name: 'director-settings', path: '/director/settings' },
] as const;

/**
 * Every page loads in the language the browser asks for, with the right direction, no missing
 * translation or console error, no sideways scrolling on a phone, and no serious or critical
 * axe-core violation. The screenshots of docs/screenshots come from here (ACCORD_SCREENSHOTS=1).
 */
async function checkPages(
  locale: string,
  viewport: keyof typeof viewports,
  pages: readonly { name: string; path: string }[],
  signInAs?: string,
) {
  const { context, page, problems } = await openPage(browser, { locale, viewport });
  if (signInAs) {
    const r = await context.request.post(server.url + '/api/v1/auth/login', {
      data: { email: signInAs, password: 'accord-demo' },
    });
    expect(r.status()).toBe(200);
    await context.addInitScript(() => localStorage.setItem('accord.signedIn', '1'));
  }
  const lang = locale.startsWith('zh') ? 'zh-CN' : locale.split('-')[0]!;
  for (const p of pages) {
    await page.goto(server.url + p.path);
    await page.locator('h1').first().waitFor();
    // Wait for data to arrive: no spinner left.
    await page.waitForFunction(() => !document.querySelector('.page-loading, .ant-spin-spinning'));
    const [docLang, dir, scrollWidth] = await page.evaluate(() => [
      document.documentElement.lang,
      document.documentElement.dir,
      document.documentElement.scrollWidth,
    ]);
    expect(docLang, p.path).toBe(lang);
    expect(dir, p.path).toBe(lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr');
    expect(scrollWidth, `${p.path} overflows sideways`).toBeLessThanOrEqual(
      viewports[viewport].width,
    );
    expect(await seriousAxeViolations(page), `${locale} ${p.path}`).toEqual([]);
    await screenshot(page, `${lang === 'zh-CN' ? 'zh' : lang}-${viewport}-${p.name}`);
  }
  expect(problems).toEqual([]);
  await context.close();
}

describe('every page, in every language', () => {
  for (const locale of ['zh-CN', 'en-US', 'ar-EG']) {
    it(`${locale} on a desktop: public and director pages`, async () => {
      await checkPages(locale, 'desktop', publicPages);
      await checkPages(locale, 'desktop', staffPages, 'director@demo.example');
    }, 300_000);
    it(`${locale} on a phone: landing, application form and dashboard`, async () => {
      await checkPages(locale, 'phone', publicPages.slice(0, 2));
      await checkPages(locale, 'phone', staffPages, 'director@demo.example');
    }, 300_000);
  }
  it('ru, es, fr, fa and tr on a phone: the landing page', async () => {
    for (const locale of ['ru-RU', 'es-ES', 'fr-FR', 'fa-IR', 'tr-TR']) {
      await checkPages(locale, 'phone', publicPages.slice(0, 1));
    }
  }, 180_000);

  it('remembers a language chosen by hand, over the browser language', async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: 'en-US',
      viewport: 'desktop',
    });
    await page.goto(server.url + '/');
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Settle a trade dispute in your own language, free of charge',
      })
      .waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('fa');
    await page
      .getByRole('heading', {
        level: 1,
        name: 'اختلاف تجاری خود را به زبان خودتان و رایگان حل کنید',
      })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.reload();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'اختلاف تجاری خود را به زبان خودتان و رایگان حل کنید',
      })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('serves client routes as the app, but unknown API paths as API errors', async () => {
    const page = await fetch(server.url + '/apply');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(server.url + asset);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    const api = await fetch(server.url + '/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const traversal = await fetch(server.url + '/assets/..%2f..%2fpackage.json');
    expect(await traversal.text()).not.toContain('"name": "accord"');
  });
});
