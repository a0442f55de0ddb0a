// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseVersion, sessionFor } from '../support/agreement-factories.js';
import {
  callApi,
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;
let reference: string;

/** An application as a foreign buyer files it (DESIGN §6), straight through the public API. */
async function fileApplication(): Promise<string> {
  const res = await fetch(server.url + '/api/v1/cases', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'goods_quality',
      summary: 'Scarves delivered in the wrong colour',
      description: '2,000 blue scarves were ordered in September; green ones arrived.',
      claimedAmount: { amount: '12000.00', currency: 'USD' },
      source: 'application',
      parties: [
        {
          role: 'applicant',
          kind: 'person',
          name: 'Omar Farouk',
          country: 'EG',
          languages: ['ar'],
          preferredLanguage: 'ar',
          email: 'omar.farouk@example.com',
        },
        {
          role: 'respondent',
          kind: 'organization',
          name: '义乌市星辰饰品商行',
          country: 'CN',
          languages: ['zh'],
          preferredLanguage: 'zh',
          email: 'xingchen@example.cn',
        },
      ],
      consents: ['processing', 'cross_border'],
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

async function signIn(page: Page, email: string, submitLabel: RegExp): Promise<void> {
  await page.goto(server.url + '/login');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill('accord-demo');
  await page.locator('#main').getByRole('button', { name: submitLabel }).click();
}

/** A headline figure as the dashboard shows it, by its label ("cases accepted", …). */
async function headlineFigure(page: Page, label: string): Promise<string> {
  const figure = page
    .locator('.figure')
    .filter({ has: page.locator('dt').getByText(label, { exact: true }) });
  return (await figure.locator('dd').innerText()).trim();
}
const asNumber = (figure: string) => Number(figure.replace(/\D/g, ''));

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  reference = await fileApplication();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the committee at work', () => {
  it('an officer accepts the case, takes the suggested team and schedules a session; the director sees the figures change', async () => {
    // The director's dashboard before: this year's accepted cases, in Chinese.
    const director = await openPage(browser, { locale: 'zh-CN', viewport: 'desktop' });
    await signIn(director.page, 'director@demo.example', /登\s*录/);
    await director.page.getByRole('heading', { level: 1, name: '调委会数据看板' }).waitFor();
    await director.page.getByTestId('headline-figures').waitFor();
    const before = await headlineFigure(director.page, '受理案件');
    const concludedBefore = await headlineFigure(director.page, '办结案件');
    const succeededBefore = await headlineFigure(director.page, '调解成功');
    expect(await seriousAxeViolations(director.page)).toEqual([]);

    // The officer's queue, in English: the new application is waiting.
    const officer = await openPage(browser, { locale: 'en-GB', viewport: 'desktop' });
    await signIn(officer.page, 'officer@demo.example', /Sign in/);
    await officer.page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    const link = officer.page.getByRole('link', { name: reference });
    await link.waitFor();
    expect(await seriousAxeViolations(officer.page)).toEqual([]);
    await screenshot(officer.page, 'en-desktop-officer-queue');
    await link.click();

    // Accepting needs reasons.
    await officer.page
      .getByRole('heading', { level: 2, name: 'Decision on the application' })
      .waitFor();
    await officer.page.getByRole('button', { name: 'Accept the case' }).click();
    await officer.page
      .getByRole('alert')
      .filter({ hasText: 'Give the reasons for the decision.' })
      .waitFor();
    await officer.page
      .locator('#decision-reason')
      .fill('A commercial dispute within our remit; both parties reachable.');
    await officer.page.getByRole('button', { name: 'Accept the case' }).click();

    // The suggested "1+1" team, with its reasons, adopted in one click.
    await officer.page.getByRole('heading', { level: 2, name: 'Suggested team' }).waitFor();
    const leadCard = officer.page.locator('.panel').filter({ hasText: 'Lead mediator:' });
    await leadCard.locator('li').first().waitFor();
    expect(await leadCard.locator('li').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(officer.page)).toEqual([]);
    await screenshot(officer.page, 'en-desktop-case-team');
    await officer.page.getByRole('button', { name: 'Propose this team' }).click();
    await officer.page.getByRole('heading', { level: 2, name: 'Mediation team' }).waitFor();

    // A session next week, in the committee's time.
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await officer.page.locator('#session-start').fill(`${day}T10:00`);
    await officer.page.locator('#session-room').fill('Docking centre, room 2');
    await officer.page.getByRole('button', { name: 'Schedule session' }).click();
    await officer.page
      .locator('.panel')
      .filter({ hasText: 'Docking centre, room 2' })
      .filter({ hasText: 'Scheduled' })
      .waitFor();
    await screenshot(officer.page, 'en-desktop-case-session');

    const row = await server.database.db
      .selectFrom('cases')
      .select(['id', 'status'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('accepted');
    const team = await server.database.db
      .selectFrom('case_team_members')
      .select('role')
      .where('case_id', '=', row.id)
      .execute();
    expect(team.map((t) => t.role).sort()).toEqual(['lawyer', 'lead']);

    // The director's figure moved by one.
    await director.page.reload();
    await director.page.getByTestId('headline-figures').waitFor();
    const after = await headlineFigure(director.page, '受理案件');
    expect(asNumber(after)).toBe(asNumber(before) + 1);
    await screenshot(director.page, 'zh-desktop-director-dashboard');

    // The mediation fails (through the API, as the officer): one more case concluded, none succeeded.
    const officerUser = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'officer@demo.example')
      .executeTakeFirstOrThrow();
    await callApi(
      server,
      'POST',
      `/api/v1/cases/${row.id}/outcome/failed`,
      await sessionFor(server.database.db, officerUser.id),
      {
        version: await caseVersion(server.database.db, row.id),
        reason: 'The seller no longer answers; the buyer will go to court.',
      },
    );
    await director.page.reload();
    await director.page.getByTestId('headline-figures').waitFor();
    expect(asNumber(await headlineFigure(director.page, '办结案件'))).toBe(
      asNumber(concludedBefore) + 1,
    );
    expect(await headlineFigure(director.page, '调解成功')).toBe(succeededBefore);

    expect(officer.problems).toEqual([]);
    expect(director.problems).toEqual([]);
    await officer.context.close();
    await director.context.close();
  }, 240_000);
});
