// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseVersion,
  createCommittee,
  createTeamCase,
  insertAgreementFixture,
  seedFxRates,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import { createCourtFiling } from '../support/factories.js';
import {
  callApi,
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

let server: WebServer;
let browser: Browser;
let k: Committee;
let officerEmail: string;
const db = () => server.database.db;
const day = 86_400_000;

async function caseRow(caseId: string) {
  return db()
    .selectFrom('cases')
    .select(['status', 'mediation_due_at', 'outcome_reason'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

async function memberEmail(role: string) {
  const r = await db()
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.org_id', '=', k.orgId)
    .where('memberships.role', '=', role)
    .executeTakeFirstOrThrow();
  return r.email;
}

const officerPage = (locale: string, viewport: keyof typeof viewports) =>
  openSignedInPage(browser, server, officerEmail, { locale, viewport });

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  await seedFxRates(db());
  officerEmail = await memberEmail('officer');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the officer's lifecycle actions on the case workspace", () => {
  it('records both parties’ consent and extends the mediation period, in Arabic on a phone', async () => {
    const c = await createTeamCase(db(), k, { status: 'in_mediation' });
    const due = new Date(Date.now() + 5 * day).toISOString();
    await db().updateTable('cases').set({ mediation_due_at: due }).where('id', '=', c.id).execute();

    const { context, page, problems } = await officerPage('ar-EG', 'phone');
    await page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(page);
    const panel = page.getByRole('region', { name: 'إجراءات القضية' });
    await panel.waitFor();
    const extend = panel.getByRole('button', { name: 'تمديد المهلة' });
    // The law needs both parties' consent: until then the extension cannot be asked for.
    await panel.getByText(/^لم يوافق أي طرف بعد/).waitFor();
    expect(await extend.isDisabled()).toBe(true);

    const consents = panel.getByRole('list').filter({ hasText: 'Ahmed Hassan' });
    await consents
      .getByRole('listitem')
      .filter({ hasText: 'Ahmed Hassan' })
      .getByRole('button', { name: 'تسجيل الموافقة' })
      .click();
    await panel.getByText(/^وافق طرف واحد من أصل/).waitFor();
    expect(await extend.isDisabled()).toBe(true);
    await consents
      .getByRole('listitem')
      .filter({ hasText: '义乌市佳美贸易有限公司' })
      .getByRole('button', { name: 'تسجيل الموافقة' })
      .click();
    await panel.getByText(/^وافق طرفان من أصل/).waitFor();
    expect(await consents.getByText('وافق', { exact: true }).count()).toBe(2);

    const [dir, width] = await page.evaluate(() => [
      document.documentElement.dir,
      document.documentElement.scrollWidth,
    ]);
    expect(dir).toBe('rtl');
    expect(width).toBeLessThanOrEqual(viewports.phone.width);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await panel.getByLabel('التمديد بعدد الأيام (من 1 إلى 90)').fill('15');
    await panel.getByLabel('سبب التمديد').fill('طلب الطرفان وقتًا لفحص البضاعة من جديد.');
    await screenshot(page, 'ar-phone-officer-actions');
    await extend.click();
    await panel.getByText('مُدِّدت المدة مرة واحدة من قبل.').waitFor();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
    // The deadline is 20 days off again: the extension folds away until it is asked for.
    expect(await panel.getByLabel('سبب التمديد').count()).toBe(0);
    await panel.getByRole('button', { name: 'إعداد تمديد…' }).click();
    // The next extension needs fresh consents.
    await panel.getByText(/^لم يوافق أي طرف بعد/).waitFor();

    const extension = await db()
      .selectFrom('case_deadline_extensions')
      .select(['seq', 'previous_due_at', 'new_due_at', 'reason'])
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(extension).toEqual({
      seq: 1,
      previous_due_at: due,
      new_due_at: new Date(Date.parse(due) + 15 * day).toISOString(),
      reason: 'طلب الطرفان وقتًا لفحص البضاعة من جديد.',
    });
    expect((await caseRow(c.id)).mediation_due_at).toBe(extension.new_due_at);
    const consentRows = await db()
      .selectFrom('consents')
      .select(['party_id', 'kind'])
      .where('case_id', '=', c.id)
      .where('kind', '=', 'extension#1')
      .orderBy('party_id')
      .execute();
    expect(consentRows.map((r) => r.party_id)).toEqual(
      [c.applicantPartyId, c.respondentPartyId].sort(),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The same workspace on a desktop, still right to left, with the panel beside the timeline.
    await page.setViewportSize(viewports.desktop);
    await page.evaluate(() => document.getElementById('case-actions-title')!.scrollIntoView());
    await screenshot(page, 'ar-desktop-officer-actions');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('checks the possible duplicates before accepting an application, in Chinese', async () => {
    // The same two parties filed before: the earlier case shows in the check.
    const earlier = await createTeamCase(db(), k, { status: 'submitted' });
    const c = await createTeamCase(db(), k, { status: 'submitted' });
    const earlierRef = (
      await db()
        .selectFrom('cases')
        .select('reference')
        .where('id', '=', earlier.id)
        .executeTakeFirstOrThrow()
    ).reference;
    const { context, page, problems } = await officerPage('zh-CN', 'desktop');
    await page.goto(`${server.url}/cases/${c.id}`);
    const check = page.getByRole('group', { name: '可能重复的案件' });
    await check.getByRole('link', { name: earlierRef }).waitFor();
    await check.getByText('与Ahmed Hassan的名称和国家相同').first().waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'zh-desktop-officer-duplicates');
    await page.locator('#decision-reason').fill('材料齐全，与此前案件并非同一纠纷。');
    await page.getByRole('button', { name: '受理案件' }).click();
    await expect.poll(async () => (await caseRow(c.id)).status).toBe('accepted');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('invites a party to follow the case without ever showing the link, explains a party without e-mail, and downloads the dossier', async () => {
    const c: TeamCase = await createTeamCase(db(), k, { status: 'in_mediation' });
    await db()
      .updateTable('case_parties')
      .set({ email: null })
      .where('id', '=', c.respondentPartyId)
      .execute();

    const { context, page, problems } = await officerPage('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(page);
    const partyCard = (name: string) =>
      page.locator('li.panel').filter({ has: page.getByRole('heading', { name, level: 3 }) });

    await partyCard('Ahmed Hassan')
      .getByRole('button', { name: 'Invite to follow the case' })
      .click();
    await partyCard('Ahmed Hassan')
      .getByText(/^Invitation sent to .+@.+\. The sign-in link/)
      .waitFor();
    const invited = await db()
      .selectFrom('outbox')
      .select('payload_json')
      .where('org_id', '=', k.orgId)
      .where('kind', '=', 'case_event')
      .execute();
    const events = invited
      .map(
        (r) =>
          JSON.parse(r.payload_json) as {
            event: string;
            caseId: string;
            params: Record<string, string>;
          },
      )
      .filter((e) => e.event === 'party.invited' && e.caseId === c.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.params.partyId).toBe(c.applicantPartyId);
    const token = events[0]!.params[`inviteToken_${c.applicantPartyId}`];
    expect(token).toBeTruthy();
    // The one-time link reaches only the party's mailbox, never the officer's screen.
    expect(await page.content()).not.toContain(token);

    await partyCard('义乌市佳美贸易有限公司')
      .getByRole('button', { name: 'Invite to follow the case' })
      .click();
    await partyCard('义乌市佳美贸易有限公司')
      .getByRole('alert')
      .filter({
        hasText: 'This party has no e-mail address on file, so no invitation can be sent.',
      })
      .waitFor();

    const pdf = page.getByRole('link', { name: 'Download the case file (PDF)' });
    expect(await pdf.getAttribute('download')).not.toBeNull();
    expect(
      await page.getByRole('link', { name: 'Download with the original files (ZIP)' }).count(),
    ).toBe(1);
    // The session cookie authenticates the download, as a click on the link would.
    const fetched = await page.evaluate(
      async (href) => {
        const r = await fetch(href);
        const bytes = new Uint8Array(await r.arrayBuffer());
        return {
          status: r.status,
          type: r.headers.get('content-type'),
          magic: String.fromCharCode(...bytes.slice(0, 5)),
        };
      },
      (await pdf.getAttribute('href'))!,
    );
    expect(fetched).toEqual({ status: 200, type: 'application/pdf', magic: '%PDF-' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'en-desktop-officer-actions');
    // The browser logs the one 400 the party without e-mail was meant to get; nothing else.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  }, 240_000);

  it('withdraws one case and closes another as failed, with a reason and a confirmation step, and sees the new status', async () => {
    const accepted = await createTeamCase(db(), k, { status: 'accepted' });
    const mediating = await createTeamCase(db(), k, { status: 'in_mediation' });
    const { context, page, problems } = await officerPage('en-GB', 'desktop');

    await page.goto(`${server.url}/cases/${accepted.id}`);
    await waitUntilSettled(page);
    const panel = page.getByRole('region', { name: 'Case actions' });
    await panel.getByRole('button', { name: 'Withdraw the case…' }).click();
    const confirm = panel.getByRole('button', { name: 'Yes, withdraw the case' });
    await confirm.click();
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Give the reason; it is kept in the case record.' })
      .waitFor();
    expect((await caseRow(accepted.id)).status).toBe('accepted');
    await panel
      .getByLabel('Reason for the withdrawal')
      .fill('The applicant phoned: the supplier refunded in full.');
    await page.evaluate(() => document.getElementById('case-actions-title')!.scrollIntoView());
    await screenshot(page, 'en-desktop-officer-withdraw');
    await confirm.click();
    await panel.getByText('Done. The case is now: Withdrawn.').waitFor();
    await page.locator('h1 + p').getByText('Withdrawn', { exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: 'Withdraw the case…' }).count()).toBe(0);
    expect(await caseRow(accepted.id)).toMatchObject({
      status: 'withdrawn',
      outcome_reason: 'The applicant phoned: the supplier refunded in full.',
    });

    await page.goto(`${server.url}/cases/${mediating.id}`);
    await waitUntilSettled(page);
    await panel.getByRole('button', { name: 'Record that mediation failed…' }).click();
    await panel
      .getByLabel('Why the mediation failed')
      .fill('The respondent refuses any refund after three sessions.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Yes, close as failed' }).click();
    await panel.getByText('Done. The case is now: No agreement.').waitFor();
    await page.locator('h1 + p').getByText('No agreement', { exact: true }).waitFor();
    expect(await caseRow(mediating.id)).toMatchObject({
      status: 'failed',
      outcome_reason: 'The respondent refuses any refund after three sessions.',
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('the director decides a rejection appeal, and the officer resumes mediation after the court refused confirmation', async () => {
    const rejected = await createTeamCase(db(), k, { status: 'rejected' });
    await callApi(server, 'POST', `/api/v1/cases/${rejected.id}/appeal`, rejected.as.applicant, {
      version: await caseVersion(db(), rejected.id),
      reason: 'The respondent is in Yiwu, so the committee is competent.',
    });
    const director = await openSignedInPage(browser, server, await memberEmail('director'), {
      locale: 'en-GB',
      viewport: 'desktop',
    });
    await director.page.goto(`${server.url}/cases/${rejected.id}`);
    await waitUntilSettled(director.page);
    const appeal = director.page.getByRole('group', { name: 'Appeal against the rejection' });
    await appeal.getByText('The respondent is in Yiwu, so the committee is competent.').waitFor();
    await appeal.getByLabel('Reasons for your decision').fill('The seller is registered in Yiwu.');
    expect(await seriousAxeViolations(director.page)).toEqual([]);
    await appeal.getByRole('button', { name: 'Overturn and accept the case' }).click();
    await director.page.getByText('Done. The case is now: Accepted.').waitFor();
    expect((await caseRow(rejected.id)).status).toBe('accepted');
    expect(director.problems).toEqual([]);
    await director.context.close();

    // An agreed case whose confirmation the court refused may go back to mediation; no other may.
    const agreed = await createTeamCase(db(), k, { status: 'agreed' });
    await insertAgreementFixture(db(), k, agreed, { status: 'in_effect', monetary: true });
    const filing = await createCourtFiling(db(), {
      orgId: k.orgId,
      caseId: agreed.id,
      courtId: k.seatCourtId,
    });
    const { context, page, problems } = await officerPage('en-GB', 'desktop');
    await page.goto(`${server.url}/cases/${agreed.id}`);
    await waitUntilSettled(page);
    const panel = page.getByRole('region', { name: 'Case actions' });
    await panel.getByRole('heading', { name: 'Case file' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Resume mediation…' }).count()).toBe(0);
    await db()
      .updateTable('court_filings')
      .set({ status: 'rejected' })
      .where('id', '=', filing.id)
      .execute();
    await page.reload();
    await waitUntilSettled(page);
    await panel.getByRole('button', { name: 'Resume mediation…' }).click();
    await panel
      .getByLabel('Reason for resuming')
      .fill('The court asked for the instalment dates to be stated.');
    await panel.getByRole('button', { name: 'Yes, resume mediation' }).click();
    await panel.getByText('Done. The case is now: In mediation.').waitFor();
    expect((await caseRow(agreed.id)).status).toBe('in_mediation');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
