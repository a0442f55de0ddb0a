// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { systemClock } from '../../src/domain/clock.js';
import { buildApp, type AppInstance } from '../../src/http/build-app.js';
import type { AppDeps } from '../../src/http/app-deps.js';
import { seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { seedDemoHistory } from '../../src/seed/seed-demo-history.js';
import { openDocumentStore } from '../../src/documents/store/open-document-store.js';
import { testConfig } from '../support/build-test-app.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Builds the web application when dist/web is missing or stale (a no-op when up to date; parallel
 * forks wait on the script's lock). Asynchronous on purpose: a synchronous child would block the
 * vitest worker for the length of a build and time out its heartbeat.
 */
export async function ensureWebBuild(): Promise<void> {
  const child = spawn('node', ['scripts/ensure-web-build.mjs'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`web build failed:\n${output}`);
}

export interface WebServer {
  url: string;
  app: AppInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real app (API + built web) on 127.0.0.1, a free port, and a fresh database with the demo
 * committee; with `history`, also its calibrated case history, so dashboards show real figures.
 */
export async function startWebServer(opts: { history?: boolean } = {}): Promise<WebServer> {
  const database = await createTestDatabase();
  await seedDemoCommittee(database.db);
  const config = testConfig(database.dataDir);
  if (opts.history) {
    await seedDemoHistory(database.db, {
      now: systemClock.now(),
      store: openDocumentStore(config),
    });
  }
  const deps: AppDeps = { db: database.db, engine: database.engine, clock: systemClock, config };
  const app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
}

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

/**
 * A page that records every console error, uncaught exception and server error (5xx); `problems`
 * must be empty at the end of each test. The app reports a missing translation through
 * react-intl's onError as a console error, so a missing key fails the test too.
 */
export async function openPage(
  browser: Browser,
  opts: { locale: string; viewport: keyof typeof viewports },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    locale: opts.locale,
    viewport: viewports[opts.viewport],
    deviceScaleFactor: 1,
    isMobile: opts.viewport === 'phone',
    hasTouch: opts.viewport === 'phone',
  });
  const page = await context.newPage();
  // The machine running the suite is shared: a step waits this long before it counts as failed.
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { context, page, problems };
}

/**
 * A locale's strings as the app ships them: the core catalogue, then each named area's
 * (`src/web/i18n/messages/<area>/<locale>.json`), a later one winning as when the app merges them.
 */
export function appMessages(locale: string, areas: readonly string[]): Record<string, string> {
  const read = (p: string) =>
    JSON.parse(readFileSync(`src/web/i18n/messages/${p}`, 'utf8')) as Record<string, string>;
  return Object.assign(read(`${locale}.json`), ...areas.map((a) => read(`${a}/${locale}.json`)));
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Let finite animations end first (spinners run forever and are left alone): a closing
  // dropdown fades out with its options still in the page, and axe then reads half-transparent
  // text and antd's visual option rows (seen in CI on a loaded machine).
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    null,
    { timeout: 10_000 },
  );
  // One frame more: antd hides a closed dropdown when its animation has ended, not before.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.evaluate(axeSource);
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  })) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Screenshots for docs/screenshots, written only when ACCORD_SCREENSHOTS=1 (they are committed, not churned by every run). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.ACCORD_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}

/**
 * A page signed in through the API as `email` (the session cookie lands in the browser context),
 * in a language and a size. The init script tells the app a session exists before it first renders.
 */
export async function openSignedInPage(
  browser: Browser,
  server: WebServer,
  email: string,
  opts: { locale: string; viewport: keyof typeof viewports },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const opened = await openPage(browser, opts);
  const r = await opened.context.request.post(server.url + '/api/v1/auth/login', {
    data: { email, password: TEST_PASSWORD },
  });
  if (r.status() !== 200) throw new Error(`sign-in as ${email}: ${r.status()} ${await r.text()}`);
  await opened.context.addInitScript(() => localStorage.setItem('accord.signedIn', '1'));
  return opened;
}

/** Waits for the page's heading and for every loading spinner to be gone. */
export async function waitUntilSettled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.page-loading, .ant-spin-spinning'));
}

/** A set-up step through the API as a test user; anything but 2xx fails the test there. */
export async function callApi(
  server: WebServer,
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  body: object = {},
): Promise<Record<string, unknown>> {
  const r = await server.app.inject({ method, url, headers, payload: body });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return r.json() as Record<string, unknown>;
}
