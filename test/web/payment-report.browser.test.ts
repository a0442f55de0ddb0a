// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommittee,
  createTeamCase,
  insertAgreementFixture,
  seedFxRates,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import { requireMemberEmail, requireUserEmail } from '../support/require-user-email.js';
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
/** Performing under an agreement of USD 12,000 in two instalments, nothing paid yet. */
let c: TeamCase;
const db = () => server.database.db;

/** The strings a reader sees, from the catalogues the app ships (core, party, staff areas, payments). */
function catalogue(locale: string): (key: string) => string {
  const all = appMessages(locale, ['party', 'filings', 'payments']);
  return (key) => {
    const m = all[key];
    if (m === undefined) throw new Error(`no message ${key}`);
    return m;
  };
}
const fa = catalogue('fa');
const zh = catalogue('zh-CN');

/** The digits of an amount as shown ("۱۲٬۰۰۰٫۰۰ US$", "US$12,000.00") → "1200000". */
const digitsOf = (text: string) =>
  text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\D/g, '');

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  await seedFxRates(db());
  c = await createTeamCase(db(), k, { status: 'performing' });
  await insertAgreementFixture(db(), k, c, { status: 'in_effect', monetary: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function partyOwed(page: Page) {
  return digitsOf(await page.getByTestId('party-outstanding').innerText());
}

describe('a payment a party reports', () => {
  it('the party reports it with a bank slip (Persian, phone), the officer verifies it (Chinese, desktop), and the amount owed falls on both screens', async () => {
    const party = await openSignedInPage(
      browser,
      server,
      await requireUserEmail(db(), c.applicantUserId),
      { locale: 'fa-IR', viewport: 'phone' },
    );
    const { page } = party;
    await page.goto(`${server.url}/cases/${c.id}`);
    const performance = page.locator('section[aria-labelledby="performance-title"]');
    const form = performance.getByRole('group', { name: fa('payments.report.title') });
    await form.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await partyOwed(page)).toBe('1200000');

    // Typed with a Persian keyboard: digits and the Persian decimal separator.
    await form.locator('#report-amount').fill('۶۰۰۰٫۰۰');
    await form.locator('#report-note').fill('از حساب ما در بانک ملت واریز شد.');
    await form
      .locator('#report-slip')
      .setInputFiles({ name: 'bank-slip.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: fa('payments.report.submit') }).click();
    const reported = performance.locator(
      '[data-testid="payment-reports"] li[data-status="reported"]',
    );
    await reported.waitFor();
    await form.getByRole('status').waitFor();
    // Reported is not paid: what is owed has not moved.
    expect(await partyOwed(page)).toBe('1200000');
    expect(await reported.locator('bdi.money').innerText()).toContain('۶٬۰۰۰');
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await reported.scrollIntoViewIfNeeded();
    await screenshot(page, 'fa-phone-party-payment-report');

    // The applicant wrote the summary in Persian; the officer reads the case in Chinese.
    const summaryFa = 'پرداخت ۱۲۰۰۰ دلار بابت روسری‌ها انجام نشد';
    await db().updateTable('cases').set({ summary: summaryFa }).where('id', '=', c.id).execute();
    const officer = await openSignedInPage(
      browser,
      server,
      await requireMemberEmail(db(), k.orgId, 'officer'),
      { locale: 'zh-CN', viewport: 'desktop' },
    );
    const o = officer.page;
    await o.goto(`${server.url}/cases/${c.id}`);
    const panel = o.locator('section[aria-labelledby="performance-staff-title"]');
    const summary = panel.getByTestId('performance-summary');
    await summary.waitFor();
    expect(digitsOf(await summary.locator('strong').first().innerText())).toBe('1200000');
    // Isolated with its own direction on the left-to-right page.
    const summary_ = o.locator('span[dir="auto"]', { hasText: summaryFa }).first();
    expect(await summary_.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    expect(await o.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const item = panel.locator('[data-testid="payment-reports"] li[data-status="reported"]');
    await item.waitFor();
    // The Persian note keeps its own direction on the Chinese page.
    expect(await item.locator('span[dir="auto"]').innerText()).toBe(
      'از حساب ما در بانک ملت واریز شد.',
    );
    await item.getByRole('link', { name: /bank-slip\.pdf/ }).waitFor();
    await item.scrollIntoViewIfNeeded();
    await screenshot(o, 'zh-CN-desktop-officer-payment-verify');
    await item.getByRole('button', { name: zh('payments.staff.verify') }).click();
    await panel.locator('[data-testid="payment-reports"] li[data-status="verified"]').waitFor();
    await o.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="performance-summary"] strong')
          ?.textContent?.replace(/\D/g, '') === '600000',
    );
    await panel.locator('[data-testid="payments"] li').first().waitFor();
    await waitUntilSettled(o);
    expect(officer.problems).toEqual([]);

    // The party reads the new balance.
    await page.reload();
    await performance
      .locator('[data-testid="payment-reports"] li[data-status="verified"]')
      .waitFor();
    expect(await partyOwed(page)).toBe('600000');
    expect(party.problems).toEqual([]);
    await officer.context.close();
    await party.context.close();
  });
});
