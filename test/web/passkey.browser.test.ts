// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { buildApp, type AppInstance } from '../../src/http/build-app.js';
import type { AppDeps } from '../../src/http/app-deps.js';
import { createDevMailboxSender } from '../../src/jobs/mail/create-mail-sender.js';
import { drainOutbox } from '../../src/jobs/run-outbox-worker.js';
import { readDevMailbox } from '../../src/mail/dev-mailbox.js';
import { seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { testConfig } from '../support/build-test-app.js';
import { intakePayload } from '../support/case-factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import {
  appMessages,
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshot,
  seriousAxeViolations,
  waitUntilSettled,
} from './web-harness.js';

/**
 * WebAuthn needs a secure context and an RP ID that is a host name, never an IP address: this
 * server listens on a port chosen first, so that ACCORD_PUBLIC_URL (the RP ID's source) and the
 * address the browser opens are the same http://localhost:<port>.
 */
let url: string;
let app: AppInstance;
let database: TestDatabase;
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

function catalogue(locale: string): (key: string) => string {
  const all = appMessages(locale, ['sign-in']);
  return (key) => {
    const m = all[key];
    if (m === undefined) throw new Error(`no message ${key}`);
    return m;
  };
}
const fa = catalogue('fa');

beforeAll(async () => {
  await ensureWebBuild();
  database = await createTestDatabase();
  await seedDemoCommittee(database.db);
  const port = await freePort();
  url = `http://localhost:${port}`;
  const config = testConfig(database.dataDir, { publicUrl: url });
  const deps: AppDeps = { db: database.db, engine: database.engine, clock: systemClock, config };
  app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.drop();
});

describe('passkeys', () => {
  it('Persian, phone: a party adds a passkey on their phone and signs in with it, no address typed', async () => {
    const email = 'shirin.ahmadi@buyer.example';
    const base = intakePayload();
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        ...base,
        parties: [
          {
            ...base.parties[0],
            name: 'Shirin Ahmadi',
            country: 'IR',
            languages: ['fa'],
            preferredLanguage: 'fa',
            email,
          },
          base.parties[1],
        ],
      },
    });
    expect(filed.statusCode).toBe(201);
    const c = filed.json() as { id: string; reference: string };
    const config = testConfig(database.dataDir, { publicUrl: url });
    await drainOutbox(
      { db: database.db, clock: systemClock, config },
      createDevMailboxSender(config.dataDir, () => new Date()),
    );
    const mail = readDevMailbox(database.dataDir, 50).find((m) => m.to.includes(email))!;
    const follow = /\/follow\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

    const { context, page, problems } = await openPage(browser, {
      locale: 'fa-IR',
      viewport: 'phone',
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    // Signed in by the invitation, the party adds a passkey from their cases page.
    await page.goto(`${url}/follow/${follow}`);
    await page.waitForURL((u) => u.pathname === `/cases/${c.id}`);
    await page.goto(`${url}/my-cases`);
    const ways = page.getByRole('region', { name: fa('signIn.optionsTitle') });
    await ways.getByRole('button', { name: fa('signIn.addPasskey') }).click();
    await ways
      .getByRole('status')
      .filter({ hasText: fa('signIn.passkeyAdded') })
      .waitFor();
    await ways.getByTestId('passkey-count').filter({ hasText: '۱' }).waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ways.scrollIntoViewIfNeeded();
    await screenshot(page, 'fa-phone-signin-passkey-added');
    const stored = await database.db
      .selectFrom('webauthn_credentials')
      .select(['id', 'last_used_at'])
      .execute();
    expect(stored).toHaveLength(1);

    // Signed out, the login page's passkey button signs the party in without an address.
    await context.clearCookies();
    await page.evaluate(() => localStorage.removeItem('accord.signedIn'));
    await page.goto(`${url}/login`);
    await page.getByRole('button', { name: fa('signIn.passkey') }).click();
    await page.waitForURL((u) => u.pathname === '/my-cases');
    await page.locator('h1', { hasText: fa('myCases.title') }).waitFor();
    await page.getByRole('link', { name: c.reference }).waitFor();
    await waitUntilSettled(page);
    await screenshot(page, 'fa-phone-signin-passkey');
    const used = await database.db
      .selectFrom('webauthn_credentials')
      .select('last_used_at')
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    const me = await context.request.get(`${url}/api/v1/me`);
    expect(((await me.json()) as { email: string }).email).toBe(email);
    expect(problems).toEqual([]);

    // The phone is lost: the party names the passkey, then removes it from the list.
    const row = page.getByRole('listitem', { name: fa('signIn.passkeyKind.device') });
    await row.getByText(fa('signIn.passkeyLastUsed').split('{date}')[0]!.trim()).waitFor();
    await row.getByRole('button', { name: fa('signIn.passkeyRename') }).click();
    await row.getByLabel(fa('signIn.passkeyName')).fill('گوشی شیرین');
    await row.getByRole('button', { name: fa('signIn.passkeySaveName') }).click();
    const named = page.getByRole('listitem', { name: 'گوشی شیرین' });
    await named.getByRole('button', { name: fa('signIn.passkeyRemove') }).click();
    await named.getByText(fa('signIn.passkeyRemoveConfirm')).waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await named.scrollIntoViewIfNeeded();
    await screenshot(page, 'fa-phone-signin-passkey-remove');
    await named.getByRole('button', { name: fa('signIn.passkeyRemoveYes') }).click();
    await ways
      .getByRole('status')
      .filter({ hasText: fa('signIn.passkeyRemoved') })
      .waitFor();
    await expect(ways.getByTestId('passkey-row').count()).resolves.toBe(0);
    const none = /=0 \{([^}]+)\}/.exec(fa('signIn.passkeys'))![1]!;
    await ways.getByTestId('passkey-count').filter({ hasText: none }).waitFor();
    await waitUntilSettled(page);
    await screenshot(page, 'fa-phone-signin-passkey-removed');
    expect(await database.db.selectFrom('webauthn_credentials').select('id').execute()).toEqual([]);
    const audit = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['user.passkey_renamed', 'user.passkey_removed'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.passkey_renamed', 'user.passkey_removed']);

    // The phone still holds the passkey, but the site no longer knows it: signing in with it
    // is refused with the translated advice, and the party stays signed out.
    await context.clearCookies();
    await page.evaluate(() => localStorage.removeItem('accord.signedIn'));
    await page.goto(`${url}/login`);
    await page.getByRole('button', { name: fa('signIn.passkey') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: fa('signIn.passkeyFailed') })
      .waitFor();
    await waitUntilSettled(page);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'fa-phone-signin-passkey-refused');
    const after = await context.request.get(`${url}/api/v1/me`);
    expect(after.status()).toBe(401);
    // Only the browser's own line for the refused request (401); nothing from the application.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
    await context.close();
  });
});
