// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommittee, createTeamCase, type TeamCase } from '../support/agreement-factories.js';
import {
  appMessages,
  ensureWebBuild,
  launchBrowser,
  openSignedInPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  viewports,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';
import { requireUserEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let c: TeamCase;
const db = () => server.database.db;

/** The strings a party reads, straight from the catalogues the app ships (core + party area). */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['party']);
}
const arabic = catalogue('ar');
/** An Arabic string of the app; a key the app lacks fails here rather than matching nothing. */
function ar(key: string): string {
  const m = arabic[key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return m;
}

const emailOf = (userId: string) => requireUserEmail(db(), userId);

async function openCase(userId: string) {
  const opened = await openSignedInPage(browser, server, await emailOf(userId), {
    locale: 'ar-EG',
    viewport: 'phone',
  });
  await opened.page.goto(`${server.url}/cases/${c.id}`);
  await opened.page.locator('.party-next').waitFor();
  await waitUntilSettled(opened.page);
  return opened;
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  const k = await createCommittee(db());
  c = await createTeamCase(db(), k, { status: 'in_mediation' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a party withdraws its application', () => {
  it('the respondent is not offered the withdrawal: it is not their application', async () => {
    const { context, page, problems } = await openCase(c.respondentUserId);
    // The evidence panel comes just before where the withdrawal would be.
    await page.locator('#evidence-title').waitFor();
    expect(await page.locator('#withdraw-title').count()).toBe(0);
    expect(
      await page.getByRole('button', { name: ar('party.actions.withdraw.open') }).count(),
    ).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('the applicant reads what it means, must give a reason, confirms, and the case is closed (Arabic, phone)', async () => {
    const { context, page, problems } = await openCase(c.applicantUserId);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const panel = page.locator('section[aria-labelledby="withdraw-title"]');
    await panel.getByRole('heading', { level: 2, name: ar('party.withdraw.title') }).waitFor();
    await panel.getByText(ar('party.withdraw.intro')).waitFor();

    // The first button only opens the confirmation; nothing has changed yet.
    await panel.getByRole('button', { name: ar('party.actions.withdraw.open') }).click();
    await panel.getByText(ar('party.actions.withdraw.explain')).waitFor();
    const confirm = panel.getByRole('button', { name: ar('party.actions.withdraw.confirm') });
    await confirm.click();
    await panel
      .getByRole('alert')
      .filter({ hasText: ar('party.actions.reasonRequired') })
      .waitFor();
    const stillOpen = await db()
      .selectFrom('cases')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stillOpen.status).toBe('in_mediation');

    const reason = 'توصلنا إلى تسوية مباشرة مع المورد.';
    await panel.getByLabel(ar('party.actions.withdraw.reason')).fill(reason);
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewports.phone.width);
    await page.locator('#withdraw-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'ar-phone-party-withdraw');

    await confirm.click();
    // The page reloads the case: withdrawn, and nothing left to withdraw.
    await page.locator('#withdraw-title').waitFor({ state: 'detached' });
    await page.getByText(ar('status.withdrawn'), { exact: true }).first().waitFor();
    const closed = await db()
      .selectFrom('cases')
      .select(['status', 'outcome', 'outcome_reason'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'withdrawn', outcome: 'withdrawn', outcome_reason: reason });
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'ar-phone-party-withdrawn');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
