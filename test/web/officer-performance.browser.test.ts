// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommittee,
  createTeamCase,
  insertAgreementFixture,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import type { viewports } from './web-harness.js';
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
import { requireMemberEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
/** An agreement in effect, performance not yet begun: started, then breached, then referred. */
let agreed: TeamCase;
/** Performing, nothing to pay and the follow-up visit done: ready to close as fulfilled. */
let settledCase: TeamCase;
const db = () => server.database.db;

const officerEmail = () => requireMemberEmail(db(), k.orgId, 'officer');

const asOfficer = async (locale: string, viewport: keyof typeof viewports) => {
  return await openSignedInPage(browser, server, await officerEmail(), {
    locale,
    viewport,
  });
};

const statusOf = async (caseId: string) =>
  (
    await db()
      .selectFrom('cases')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).status;

/** Opens a reasoned step of the performance panel, writes its text and submits it. */
async function takeStep(page: Page, open: string, text: string, submit: string) {
  const panel = page.locator('section[aria-labelledby="performance-staff-title"]');
  await panel.getByRole('button', { name: open }).click();
  const form = panel.getByRole('group', { name: open.replace('…', '') });
  await form.getByRole('textbox').fill(text);
  await form.getByRole('button', { name: submit }).click();
  // The step is done when the case has moved on and its form is gone.
  await form.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  agreed = await createTeamCase(db(), k, { status: 'agreed' });
  await insertAgreementFixture(db(), k, agreed, { status: 'in_effect' });
  settledCase = await createTeamCase(db(), k, { status: 'performing' });
  await insertAgreementFixture(db(), k, settledCase, { status: 'in_effect', followUpDone: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the officer's performance steps", () => {
  it('records the start of performance, declares the agreement breached and refers the case to the police', async () => {
    const { context, page, problems } = await asOfficer('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${agreed.id}`);
    await waitUntilSettled(page);
    const panel = page.locator('section[aria-labelledby="performance-staff-title"]');
    await panel.getByRole('heading', { level: 2 }).waitFor();

    // A reason is required before anything is sent.
    await panel.getByRole('button', { name: 'Declare the agreement breached…' }).click();
    const breachForm = panel.getByRole('group', { name: 'Declare the agreement breached' });
    await breachForm.getByRole('button', { name: 'Declare breached' }).click();
    await breachForm.getByRole('alert').waitFor();
    expect(await statusOf(agreed.id)).toBe('agreed');
    await breachForm.getByRole('button', { name: 'Cancel' }).click();

    await takeStep(
      page,
      'Record that performance has begun…',
      'The seller shipped the replacement lids.',
      'Record the start',
    );
    await panel
      .getByRole('button', { name: 'Record that performance has begun…' })
      .waitFor({ state: 'detached' });
    expect(await statusOf(agreed.id)).toBe('performing');

    await takeStep(
      page,
      'Declare the agreement breached…',
      'The second shipment never arrived.',
      'Declare breached',
    );
    await panel
      .getByRole('button', { name: 'Declare the agreement breached…' })
      .waitFor({ state: 'detached' });
    expect(await statusOf(agreed.id)).toBe('breached');

    await takeStep(
      page,
      'Refer to the police…',
      'The bill of lading appears to be forged.',
      'Refer to the police',
    );
    await panel
      .getByText('The bill of lading appears to be forged.', { exact: false })
      .first()
      .waitFor();
    const referral = await db()
      .selectFrom('police_referrals')
      .select('reason')
      .where('case_id', '=', agreed.id)
      .executeTakeFirstOrThrow();
    expect(referral.reason).toBe('The bill of lading appears to be forged.');
    // A referral to the police leaves the case where it was.
    expect(await statusOf(agreed.id)).toBe('breached');

    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page
      .locator('#performance-staff-title')
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'en-desktop-officer-breach-police');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('closes a performed agreement as fulfilled', async () => {
    const { context, page, problems } = await asOfficer('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${settledCase.id}`);
    await waitUntilSettled(page);
    const panel = page.locator('section[aria-labelledby="performance-staff-title"]');
    await panel.getByRole('button', { name: 'Close as fulfilled' }).click();
    await panel.getByRole('button', { name: 'Close as fulfilled' }).waitFor({ state: 'detached' });
    expect(await statusOf(settledCase.id)).toBe('fulfilled');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
