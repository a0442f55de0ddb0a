// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { createDevMailboxSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { readDevMailbox } from '../../src/mail/dev-mailbox.js';
import { testConfig } from '../support/build-test-app.js';
import { intakePayload } from '../support/case-factories.js';
import {
  appMessages,
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;

/** The strings a reader sees, straight from the catalogues the app ships (core + sign-in area). */
function catalogue(locale: string): (key: string) => string {
  const all = appMessages(locale, ['sign-in']);
  return (key) => {
    const m = all[key];
    if (m === undefined) throw new Error(`no message ${key}`);
    return m;
  };
}
const fa = catalogue('fa');
const zh = catalogue('zh-CN');

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs the outbox worker once: the e-mails land in the dev mailbox of the server's data directory. */
async function deliverMail(): Promise<void> {
  const config = testConfig(server.database.dataDir);
  await drainOutbox(
    { db: server.database.db, clock: systemClock, config },
    createDevMailboxSender(config.dataDir, () => new Date()),
  );
}

/** The newest e-mail to `to` whose text holds a `/<kind>/<token>` link, and that token. */
function newestLink(to: string, kind: 'follow' | 'sign-in') {
  const pattern = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`);
  const mail = readDevMailbox(server.database.dataDir, 500).find(
    (m) => m.to.includes(to) && pattern.test(m.text),
  );
  if (!mail) throw new Error(`no ${kind} e-mail to ${to}`);
  return { mail, token: pattern.exec(mail.text)![1]! };
}

/** A Persian buyer's application; the committee's receipt carries the invitation (follow) link. */
async function fileCase(email: string) {
  const base = intakePayload();
  const r = await server.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: {
      ...base,
      parties: [
        {
          ...base.parties[0],
          name: 'Dariush Karimi',
          country: 'IR',
          languages: ['fa', 'en'],
          preferredLanguage: 'fa',
          email,
        },
        base.parties[1],
      ],
    },
  });
  if (r.statusCode !== 201) throw new Error(`intake: ${r.statusCode} ${r.body}`);
  await deliverMail();
  return r.json() as { id: string; reference: string };
}

async function waitForCasePage(page: Page, c: { id: string; reference: string }) {
  await page.waitForURL((u) => u.pathname === `/cases/${c.id}`);
  await page.locator('h1', { hasText: c.reference }).waitFor();
  await waitUntilSettled(page);
}

describe('a party who has no working link asks for a new one', () => {
  it('Persian, phone: the invitation was used; a sign-in link by e-mail leads back to the case', async () => {
    const email = 'dariush.karimi@buyer.example';
    const c = await fileCase(email);
    const follow = newestLink(email, 'follow');
    // Opened once already (on another device, say).
    const first = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/redeem',
      payload: { token: follow.token },
    });
    expect(first.statusCode).toBe(200);

    const { context, page, problems } = await openPage(browser, {
      locale: 'fa-IR',
      viewport: 'phone',
    });
    // The browser logs every 404 as a console error; the one expected is checked by URL below.
    const notFound: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) notFound.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/follow/${follow.token}`);
    const spent = page.getByRole('alert').filter({ hasText: fa('signIn.followFailed') });
    await spent.waitFor();
    const form = page.getByRole('region', { name: fa('signIn.noPassword') });
    await form.getByLabel(fa('signIn.email')).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'fa-phone-signin-spent-link');

    await form.getByLabel(fa('signIn.email')).fill(email);
    await form.getByRole('button', { name: fa('signIn.send') }).click();
    await form
      .getByRole('status')
      .filter({ hasText: fa('signIn.sentTitle') })
      .waitFor();
    await form.getByText(fa('signIn.contact')).waitFor();
    await screenshot(page, 'fa-phone-signin-link-sent');

    await deliverMail();
    const link = newestLink(email, 'sign-in');
    expect(link.mail.subject).toBe('پیوند ورود شما به Accord');
    expect(link.mail.html).toContain('dir="rtl"');

    await page.goto(`${server.url}/sign-in/${link.token}`);
    await waitForCasePage(page, c);
    await screenshot(page, 'fa-phone-signin-case');

    // The spent invitation, opened again while signed in, goes straight to the case too.
    await page.goto(`${server.url}/follow/${follow.token}`);
    await waitForCasePage(page, c);
    // The party can end the session everywhere from their cases.
    await page.goto(`${server.url}/my-cases`);
    const everywhere = page.getByRole('region', { name: fa('signIn.sessionTitle') });
    await everywhere.getByRole('button', { name: fa('signIn.signOutEverywhere') }).click();
    await page.waitForURL((u) => u.pathname === '/');
    const me = await context.request.get(`${server.url}/api/v1/me`);
    expect(me.status()).toBe(401);

    // The spent invitation, opened signed out: "not found", and nothing else failed.
    expect(notFound).toEqual(['/api/v1/auth/invitations/redeem']);
    expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
    await context.close();
  });

  it('Chinese, desktop: a case page asks for sign-in, and the link returns to that page', async () => {
    const email = 'li.na@buyer.example';
    const c = await fileCase(email);
    const { context, page, problems } = await openPage(browser, {
      locale: 'zh-CN',
      viewport: 'desktop',
    });
    await page.goto(`${server.url}/cases/${c.id}`);
    const form = page.getByRole('region', { name: zh('signIn.noPassword') });
    await form.getByLabel(zh('signIn.email')).fill(email);
    await form.getByRole('button', { name: zh('signIn.send') }).click();
    await form
      .getByRole('status')
      .filter({ hasText: zh('signIn.sentTitle') })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'zh-CN-desktop-signin-link-sent');

    // An unknown address gets the very same screen.
    await form.getByRole('button', { name: zh('signIn.useAnother') }).click();
    await form.getByLabel(zh('signIn.email')).fill('nobody@nowhere.example');
    await form.getByRole('button', { name: zh('signIn.send') }).click();
    await form
      .getByRole('status')
      .filter({ hasText: zh('signIn.sentTitle') })
      .waitFor();

    await deliverMail();
    expect(readDevMailbox(server.database.dataDir, 500).some((m) => m.to.includes('nobody@'))).toBe(
      false,
    );
    const link = newestLink(email, 'sign-in');
    await page.goto(`${server.url}/sign-in/${link.token}`);
    await waitForCasePage(page, c);
    expect(problems).toEqual([]);
    await context.close();
  });
});
