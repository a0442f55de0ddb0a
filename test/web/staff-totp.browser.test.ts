import type { Browser } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { DEMO_ORG_SLUG } from '../../src/seed/seed-demo-committee.js';
import { setStaffTotpRequirement } from '../../src/use-cases/orgs/set-staff-totp-requirement.js';
import { testConfig } from '../support/build-test-app.js';
import {
  ensureWebBuild,
  launchBrowser,
  openPage,
  seriousAxeViolations,
  startWebServer,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  // The demo committee has the requirement off; this test is about a committee that has it on.
  await setStaffTotpRequirement(
    { db: server.database.db, clock: systemClock, config: testConfig(server.database.dataDir) },
    { orgSlug: DEMO_ORG_SLUG, required: true },
  );
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
/** A code as typed on an Arabic (٠-٩) or Persian (۰-۹) keyboard: the page must accept it. */
const inDigits = (code: string, digits: string) => code.replace(/\d/g, (d) => digits[Number(d)]!);

describe('staff two-factor sign-in in the browser', () => {
  it('walks an unenrolled officer through enrolment, then asks for the code at the next sign-in', async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: 'en',
      viewport: 'desktop',
    });
    // The browser logs every 401 as a console error; the expected ones are checked by URL below.
    const unauthorised: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) unauthorised.push(new URL(r.url()).pathname);
    });
    const signIn = async () => {
      await page.goto(server.url + '/login');
      await page.locator('#login-email').fill('officer@demo.example');
      await page.locator('#login-password').fill('accord-demo');
      await page.locator('form:has(#login-password) button[type=submit]').click();
    };

    await signIn();
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    expect(await page.locator('h1').textContent()).toBe('Set up two-factor sign-in');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const secret = (await secretBox.textContent())!.trim();
    await page.locator('#login-totp').fill(inDigits(await codeAt(secret, 0), '٠١٢٣٤٥٦٧٨٩'));
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const cases = await context.request.get(server.url + '/api/v1/cases');
    expect(cases.status()).toBe(200);

    // Next sign-in: the password first, then the code field appears. The enrolment used this
    // time step's code, so the next step's code (within the accepted drift) is the fresh one.
    await context.clearCookies();
    await signIn();
    await page.locator('#login-totp').waitFor();
    // Persian digits, pasted with a space between the halves as authenticator apps show them.
    const persian = inDigits(await codeAt(secret, 30), '۰۱۲۳۴۵۶۷۸۹');
    await page.locator('#login-totp').fill(`${persian.slice(0, 3)} ${persian.slice(3)}`);
    await page.locator('form:has(#login-password) button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const me = await context.request.get(server.url + '/api/v1/me');
    expect((await me.json()).totpEnrollmentRequired).toBe(false);
    // The 401s expected: the session check on reopening /login after the cookies were cleared,
    // and the sign-in without a code, answered TOTP_REQUIRED.
    expect(unauthorised).toEqual(['/api/v1/me', '/api/v1/auth/login']);
    expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    await context.close();
  }, 120_000);
});
