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
import { requireMemberEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
/** Agreement in effect two days ago: the confirmation window is open. */
let agreed: TeamCase;
/** The same, for the Arabic phone view of the form. */
let agreedAr: TeamCase;
/** Agreement in effect since March, two instalments of USD 6,000 unpaid. */
let performing: TeamCase;
/** Mediation failed: the case can go to court. */
let failed: TeamCase;
/** Agreement in effect without money (an apology, a replacement): nothing owed or recovered. */
let performingNoMoney: TeamCase;
const db = () => server.database.db;

/** The strings a reader sees, straight from the catalogues the staff area ships. */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['staff', 'filings']);
}
const arabic = catalogue('ar');
/** An Arabic string of the app; a key the app lacks fails here rather than matching nothing. */
function ar(key: string): string {
  const m = arabic[key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return m;
}

const officerEmail = () => requireMemberEmail(db(), k.orgId, 'officer');

const asOfficer = async (locale: string, viewport: keyof typeof viewports) => {
  return await openSignedInPage(browser, server, await officerEmail(), {
    locale,
    viewport,
  });
};

/** waitUntilSettled, failing with what the page reported if it never settles. */
async function settled(page: Page, problems: string[]) {
  await waitUntilSettled(page).catch((e: Error) => {
    throw new Error(`${e.message}\npage problems: ${JSON.stringify(problems)}`);
  });
}

/** Brings a section's heading to the top of the viewport for its screenshot. */
async function scrollToTop(page: Page, selector: string) {
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  await seedFxRates(db());
  // The committee's real courts, so the choice reads as it does in Yiwu.
  const names = [
    [k.seatCourtId, '义乌市人民法院', "Yiwu People's Court"],
    [k.maritimeCourtId, '宁波海事法院', 'Ningbo Maritime Court'],
    [k.otherCourtId, '金华市中级人民法院', "Jinhua Intermediate People's Court"],
  ];
  for (const [id, name, nameEn] of names)
    await db().updateTable('courts').set({ name, name_en: nameEn }).where('id', '=', id!).execute();
  agreed = await createTeamCase(db(), k, { status: 'agreed' });
  // Two days and an hour ago: 28 whole days of the 30 are left.
  const effectiveAt = new Date(Date.now() - 2 * 86_400_000 - 3_600_000).toISOString();
  await insertAgreementFixture(db(), k, agreed, {
    status: 'in_effect',
    monetary: true,
    effectiveAt,
  });
  agreedAr = await createTeamCase(db(), k, { status: 'agreed' });
  await insertAgreementFixture(db(), k, agreedAr, {
    status: 'in_effect',
    monetary: true,
    effectiveAt,
  });
  performing = await createTeamCase(db(), k, { status: 'performing' });
  await insertAgreementFixture(db(), k, performing, { status: 'in_effect', monetary: true });
  failed = await createTeamCase(db(), k, { status: 'failed' });
  performingNoMoney = await createTeamCase(db(), k, { status: 'performing' });
  await insertAgreementFixture(db(), k, performingNoMoney, {
    status: 'in_effect',
    monetary: false,
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the officer files court papers and follows performance', () => {
  it('files the judicial-confirmation application with the suggested court and sees it listed with its deadline', async () => {
    const { context, page, problems } = await asOfficer('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${agreed.id}`);
    await settled(page, problems);
    const filings = page.locator('section[aria-labelledby="filings-title"]');
    await filings.getByText('28 days left', { exact: false }).waitFor();
    const form = filings.getByRole('group', { name: 'Apply for judicial confirmation' });
    // The seat court is suggested and preselected, with why it may hear the case.
    const seat = form.getByRole('radio', { name: /Yiwu People's Court/ });
    expect(await seat.isChecked()).toBe(true);
    await form.getByText('The basic court where the committee sits.').waitFor();
    expect(await form.getByRole('radio').count()).toBe(1);
    // Both parties apply jointly; dropping one is refused before anything is sent.
    const respondent = form.getByRole('checkbox', { name: /义乌市佳美贸易有限公司/ });
    expect(await respondent.isChecked()).toBe(true);
    await scrollToTop(page, '#filings-title');
    await screenshot(page, 'en-desktop-officer-confirmation');
    await respondent.uncheck();
    await form.getByRole('button', { name: 'File the application' }).click();
    await form.getByRole('alert').getByText('Every party must apply', { exact: false }).waitFor();
    await respondent.check();
    await form.getByRole('button', { name: 'File the application' }).click();

    const card = filings.getByTestId('court-filing');
    await card.waitFor();
    expect(await card.getByRole('heading').innerText()).toBe('Judicial confirmation');
    await card.getByText("Yiwu People's Court").waitFor();
    await card.getByText('Filed', { exact: true }).first().waitFor();
    expect(await card.getByTestId('court-case-number').innerText()).toBe('Not yet');
    const deadline = new Date(
      new Date(
        (
          await db()
            .selectFrom('agreements')
            .select('effective_at')
            .where('case_id', '=', agreed.id)
            .executeTakeFirstOrThrow()
        ).effective_at!,
      ).getTime() +
        30 * 86_400_000,
    );
    await card
      .getByText(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(deadline))
      .waitFor();
    // Once filed, the form is gone: one confirmation application at a time.
    expect(
      await filings.getByRole('group', { name: 'Apply for judicial confirmation' }).count(),
    ).toBe(0);
    const row = await db()
      .selectFrom('court_filings')
      .select(['court_id', 'kind', 'status'])
      .where('case_id', '=', agreed.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ court_id: k.seatCourtId, kind: 'confirmation', status: 'filed' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await scrollToTop(page, '#filings-title');
    await screenshot(page, 'en-desktop-officer-filings');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('records a payment against the first instalment and sees it paid', async () => {
    const { context, page, problems } = await asOfficer('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${performing.id}`);
    await settled(page, problems);
    const perf = page.locator('section[aria-labelledby="performance-staff-title"]');
    const rows = perf.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getByText('Due', { exact: true }).count()).toBe(1);
    await perf
      .getByTestId('performance-summary')
      .getByText('2 instalments open', { exact: false })
      .waitFor();
    // The agreement took effect in March: the 30-day window for confirmation is long closed.
    await page
      .locator('section[aria-labelledby="filings-title"]')
      .getByText('The 30-day window for judicial confirmation closed', { exact: false })
      .waitFor();

    const form = perf.getByRole('group', { name: 'Record a payment' });
    // Prefilled with the first instalment and what it still owes.
    expect(await form.getByLabel('Amount received').inputValue()).toBe('6000.00');
    await form.getByLabel('Received on').fill('2026-03-20');
    // More than the instalment owes: the API's refusal names the field as the form labels it.
    await form.getByLabel('Amount received').fill('6500.00');
    await form.getByRole('button', { name: 'Record the payment' }).click();
    await form.getByRole('alert').getByText('Please check this field: Amount received').waitFor();
    await form.getByLabel('Amount received').fill('6000.00');
    await form.getByRole('button', { name: 'Record the payment' }).click();
    await rows.nth(0).getByText('Paid', { exact: true }).waitFor();
    await perf
      .getByTestId('performance-summary')
      .getByText('1 instalment open', { exact: false })
      .waitFor();
    await perf.getByTestId('payments').getByText('March 20, 2026', { exact: false }).waitFor();
    const first = await db()
      .selectFrom('instalments')
      .select(['status', 'paid_minor'])
      .where('case_id', '=', performing.id)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expect(first).toEqual({ status: 'paid', paid_minor: 600_000 });
    // The form moves on to the second instalment.
    expect(await form.getByLabel('Amount received').inputValue()).toBe('6000.00');
    await form.getByRole('combobox', { name: 'Instalment' }).waitFor();
    expect(await form.locator('.ant-select-selection-item').first().innerText()).toContain('No. 2');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await scrollToTop(page, '#performance-staff-title');
    await screenshot(page, 'en-desktop-officer-performance');
    // The browser logs the one 400 the overpayment was meant to get; nothing else.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);

    // An agreement without money shows no sums (it once read "Recovered so far: CN¥0.00").
    problems.length = 0;
    await page.goto(`${server.url}/cases/${performingNoMoney.id}`);
    await settled(page, problems);
    await perf.getByText('This agreement has no payment schedule.').waitFor();
    expect(await perf.getByTestId('performance-summary').count()).toBe(0);
    expect(await perf.getByText('Recovered so far', { exact: false }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('refers a failed case to the suggested court and records the follow-up visit on a performing one', async () => {
    const { context, page, problems } = await asOfficer('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${failed.id}`);
    await settled(page, problems);
    const filings = page.locator('section[aria-labelledby="filings-title"]');
    await filings.getByText('Nothing has been filed with a court for this case yet.').waitFor();
    await filings.getByRole('button', { name: 'Refer to a court for litigation…' }).click();
    const form = filings.getByRole('group', { name: 'Refer to a court for litigation' });
    // Every court of the committee, the competent one first and chosen.
    expect(await form.getByRole('radio').count()).toBe(3);
    expect(await form.getByRole('radio', { name: /Yiwu People's Court/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Refer the case' }).click();
    await form.getByRole('alert').getByText('Please fill in every field.').waitFor();
    await form
      .getByLabel('Reason for the referral')
      .fill('Mediation failed; the buyer sues for a refund.');
    await form.getByRole('button', { name: 'Refer the case' }).click();
    const card = filings.getByTestId('court-filing');
    await card.getByRole('heading', { name: 'Litigation referral' }).waitFor();
    await card.getByText('Mediation failed; the buyer sues for a refund.').waitFor();
    const referral = await db()
      .selectFrom('court_filings')
      .innerJoin('cases', 'cases.id', 'court_filings.case_id')
      .select(['court_filings.court_id', 'court_filings.kind', 'cases.status'])
      .where('court_filings.case_id', '=', failed.id)
      .executeTakeFirstOrThrow();
    expect(referral).toEqual({ court_id: k.seatCourtId, kind: 'litigation', status: 'referred' });

    await page.goto(`${server.url}/cases/${performing.id}`);
    await settled(page, problems);
    const visit = page.getByRole('group', { name: 'Record the follow-up visit' });
    await visit.getByRole('button', { name: 'Record the follow-up' }).click();
    await visit.getByRole('alert').getByText('Please fill in every field.').waitFor();
    await visit.getByLabel('What was found').fill('Both sides confirm the first payment arrived.');
    await visit.getByRole('button', { name: 'Record the follow-up' }).click();
    const perf = page.locator('section[aria-labelledby="performance-staff-title"]');
    await perf.getByText('(By phone)', { exact: false }).waitFor();
    expect(await page.getByRole('group', { name: 'Record the follow-up visit' }).count()).toBe(0);
    const followUp = await db()
      .selectFrom('follow_ups')
      .select(['method', 'notes'])
      .where('case_id', '=', performing.id)
      .executeTakeFirstOrThrow();
    expect(followUp).toEqual({
      method: 'phone',
      notes: 'Both sides confirm the first payment arrived.',
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('reads right to left on a 360 px phone in Arabic: the instalments scroll inside their box, the page keeps its width', async () => {
    const { context, page, problems } = await asOfficer('ar-EG', 'phone');
    await page.goto(`${server.url}/cases/${performing.id}`);
    await settled(page, problems);
    const perf = page.locator('section[aria-labelledby="performance-staff-title"]');
    await perf.getByRole('heading', { level: 2, name: ar('filings.performance.title') }).waitFor();
    await perf.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page
      .locator('section[aria-labelledby="filings-title"]')
      .getByRole('heading', { name: ar('filings.title') })
      .waitFor();
    await settled(page, problems);
    const fit = await page.evaluate(() => {
      const box = document.querySelector(
        'section[aria-labelledby="performance-staff-title"] .filings-table-wrap',
      )!;
      const r = box.getBoundingClientRect();
      return {
        dir: document.documentElement.dir,
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        boxLeft: r.left,
        boxRight: r.right,
      };
    });
    expect(fit.dir).toBe('rtl');
    expect(fit.innerWidth).toBe(viewports.phone.width);
    expect(fit.scrollWidth, 'the page overflows sideways').toBeLessThanOrEqual(fit.innerWidth);
    // Right to left, overflow to the left would not show in scrollWidth: the box must sit inside the screen.
    expect(fit.boxLeft).toBeGreaterThanOrEqual(0);
    expect(fit.boxRight).toBeLessThanOrEqual(fit.innerWidth);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await scrollToTop(page, '#performance-staff-title');
    await screenshot(page, 'ar-phone-officer-performance');

    // The confirmation form in Arabic on a phone, on the case whose window is open.
    await page.goto(`${server.url}/cases/${agreedAr.id}`);
    await settled(page, problems);
    await page.getByRole('group', { name: ar('filings.confirmation.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await scrollToTop(page, '#filings-title');
    await screenshot(page, 'ar-phone-officer-confirmation');

    // The filed application as its card reads (filed by the first test; alone, the form shows).
    await page.goto(`${server.url}/cases/${agreed.id}`);
    await settled(page, problems);
    await page.locator('#filings-title').waitFor();
    await settled(page, problems);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await scrollToTop(page, '#filings-title');
    await screenshot(page, 'ar-phone-officer-filings');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
