// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../src/seed/seed-demo-committee.js';
import { newId } from '../../src/domain/new-id.js';
import {
  ensureWebBuild,
  launchBrowser,
  openPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  viewports,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';

let server: WebServer;
let browser: Browser;
const db = () => server.database.db;
const DAY = 86_400_000;

/** A case of the demo history that no queue tab holds (concluded), found only by searching. */
let concluded: { id: string; reference: string; status: string };
/** A case in mediation whose month ran out three and a half days ago (a started day counts: 4). */
let overdue: { id: string; reference: string };
/** Two filings with the demo court: one past its 3-day acceptance date, one awaiting its result. */
let late: { reference: string };
let awaitingResult: { id: string; reference: string };

async function signIn(email: string, locale: string, viewport: keyof typeof viewports) {
  const opened = await openPage(browser, { locale, viewport });
  const r = await opened.context.request.post(server.url + '/api/v1/auth/login', {
    data: { email, password: 'accord-demo' },
  });
  expect(r.status()).toBe(200);
  await opened.context.addInitScript(() => localStorage.setItem('accord.signedIn', '1'));
  return opened;
}

const rowOf = (page: Page, reference: string) =>
  page.locator('tr', { has: page.getByRole('link', { name: reference, exact: true }) });

async function fitsPhone(page: Page) {
  const [dir, width] = await page.evaluate(() => [
    document.documentElement.dir,
    document.documentElement.scrollWidth,
  ]);
  expect(dir).toBe('rtl');
  expect(width).toBeLessThanOrEqual(viewports.phone.width);
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer({ history: true });
  browser = await launchBrowser();
  concluded = await db()
    .selectFrom('cases')
    .select(['id', 'reference', 'status'])
    .where('status', '=', 'fulfilled')
    .orderBy('reference')
    .executeTakeFirstOrThrow();
  overdue = await db()
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('status', '=', 'in_mediation')
    // The newest, so that it is on the list's first page, newest first.
    .orderBy('submitted_at', 'desc')
    .executeTakeFirstOrThrow();
  await db()
    .updateTable('cases')
    .set({ mediation_due_at: new Date(Date.now() - 3.5 * DAY).toISOString() })
    .where('id', '=', overdue.id)
    .execute();
  const cases = await db()
    .selectFrom('cases')
    .select(['id', 'reference', 'org_id'])
    .where('status', 'in', ['agreed', 'performing'])
    .orderBy('reference')
    .limit(2)
    .execute();
  expect(cases).toHaveLength(2);
  const parties = JSON.stringify({
    parties: [
      { name: 'محمد عبد الرحمن للتجارة العامة', role: 'applicant', country: 'EG' },
      { name: '义乌市国际商贸城小商品有限公司', role: 'respondent', country: 'CN' },
    ],
  });
  const [a, b] = cases as [(typeof cases)[0], (typeof cases)[0]];
  late = { reference: a.reference };
  awaitingResult = { id: newId(), reference: b.reference };
  await db()
    .insertInto('court_filings')
    .values([
      {
        id: newId(),
        org_id: a.org_id,
        case_id: a.id,
        court_id: demoIds.yiwuCourt,
        kind: 'confirmation',
        status: 'filed',
        package_json: parties,
        // Five days ago: two days past the 3-day acceptance date.
        filed_at: new Date(Date.now() - 5 * DAY).toISOString(),
      },
      {
        id: awaitingResult.id,
        org_id: b.org_id,
        case_id: b.id,
        court_id: demoIds.yiwuCourt,
        kind: 'confirmation',
        status: 'accepted',
        package_json: parties,
        filed_at: new Date(Date.now() - 2 * DAY).toISOString(),
        accepted_at: new Date(Date.now() - DAY).toISOString(),
        court_case_number: '（2026）浙0782民特456号',
      },
    ])
    .execute();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the officer's queue and the court liaison's docket", () => {
  it('an officer on the "In mediation" tab finds a concluded case by a fragment of its reference', async () => {
    const fragment = concluded.reference.slice(-4);
    const zh = await signIn('officer@demo.example', 'zh-CN', 'desktop');
    await zh.page.goto(`${server.url}/officer`);
    await waitUntilSettled(zh.page);
    await zh.page.locator('label.ant-radio-button-wrapper').filter({ hasText: '调解中' }).click();
    await waitUntilSettled(zh.page);
    await expect(rowOf(zh.page, concluded.reference).count()).resolves.toBe(0);
    const zhSearch = zh.page.getByRole('searchbox', { name: '按编号、姓名或关键词搜索' });
    await zhSearch.fill(fragment);
    await zhSearch.press('Enter');
    const row = rowOf(zh.page, concluded.reference);
    await row.waitFor();
    // Its status shows in the row, and the page says the search spans every status.
    await row.getByText('已履行', { exact: true }).waitFor();
    await zh.page.getByRole('status').filter({ hasText: '正在所有状态中查找' }).waitFor();
    await waitUntilSettled(zh.page);
    await screenshot(zh.page, 'zh-desktop-officer-queue-search');

    // Back on the tab, the deadline filter shows the overdue case with its days in words.
    await zh.page.getByRole('button', { name: '清除搜索' }).click();
    await zh.page.getByRole('combobox', { name: '期限' }).click();
    await zh.page.getByTitle('已超期', { exact: true }).click();
    // The list closes on its own choice; the screenshot must not catch it on its way out.
    await zh.page.getByTitle('7 日内到期', { exact: true }).waitFor({ state: 'hidden' });
    const overdueRow = rowOf(zh.page, overdue.reference);
    await overdueRow.locator('.due-overdue').filter({ hasText: '已逾期 4 天' }).waitFor();
    await waitUntilSettled(zh.page);
    await screenshot(zh.page, 'zh-desktop-officer-queue-overdue');
    expect(await seriousAxeViolations(zh.page)).toEqual([]);
    expect(zh.problems).toEqual([]);
    await zh.context.close();

    const ar = await signIn('officer@demo.example', 'ar-EG', 'phone');
    await ar.page.goto(`${server.url}/officer`);
    await waitUntilSettled(ar.page);
    await ar.page.getByRole('combobox', { name: 'المهلة' }).click();
    await ar.page.getByTitle('متأخرة', { exact: true }).click();
    await waitUntilSettled(ar.page);
    const search = ar.page.getByRole('searchbox', {
      name: 'ابحث بالرقم المرجعي أو الاسم أو الكلمات',
    });
    await search.fill(fragment);
    await search.press('Enter');
    // A concluded case has no live deadline: the overdue filter and the search together find nothing.
    await ar.page.getByRole('status').filter({ hasText: 'في جميع الحالات' }).waitFor();
    await waitUntilSettled(ar.page);
    await expect(rowOf(ar.page, concluded.reference).count()).resolves.toBe(0);
    await ar.page.getByRole('button', { name: 'مسح عوامل التصفية' }).click();
    await rowOf(ar.page, concluded.reference).waitFor();
    await waitUntilSettled(ar.page);
    await fitsPhone(ar.page);
    await screenshot(ar.page, 'ar-phone-officer-queue-search');
    expect(await seriousAxeViolations(ar.page)).toEqual([]);
    expect(ar.problems).toEqual([]);
    await ar.context.close();
  }, 240_000);

  it('the docket reads on a phone, says a filing is past its acceptance date, and confirms a result before recording it', async () => {
    const ar = await signIn('court@demo.example', 'ar-EG', 'phone');
    await ar.page.goto(`${server.url}/court`);
    await waitUntilSettled(ar.page);
    const lateRow = rowOf(ar.page, late.reference);
    await lateRow.locator('.docket-late-tag').filter({ hasText: 'بعد مهلة القبول' }).waitFor();
    // On a phone the parties stack under the reference, a name per line, not a letter per line.
    const parties = lateRow.locator('.docket-parties');
    await parties.getByText('محمد عبد الرحمن للتجارة العامة').waitFor();
    expect((await parties.boundingBox())!.width).toBeGreaterThanOrEqual(180);
    await expect(lateRow.locator('.docket-late-tag').textContent()).resolves.toMatch(/^يومان/);
    await fitsPhone(ar.page);
    await screenshot(ar.page, 'ar-phone-court-docket-late');
    expect(await seriousAxeViolations(ar.page)).toEqual([]);
    expect(ar.problems).toEqual([]);
    await ar.context.close();

    const zh = await signIn('court@demo.example', 'zh-CN', 'desktop');
    await zh.page.goto(`${server.url}/court`);
    await waitUntilSettled(zh.page);
    await zh.page.locator('label.ant-radio-button-wrapper').filter({ hasText: '已受理' }).click();
    const row = rowOf(zh.page, awaitingResult.reference);
    await row.waitFor();
    // On a desktop the parties have a column of their own, wide enough for a name per line.
    const partiesCell = row.locator('.docket-parties-cell');
    await partiesCell.getByText('义乌市国际商贸城小商品有限公司', { exact: false }).waitFor();
    expect((await partiesCell.boundingBox())!.width).toBeGreaterThanOrEqual(180);
    await row.getByRole('combobox', { name: '结果' }).click();
    await zh.page.getByTitle('确认有效').click();
    await row.getByRole('textbox', { name: '备注（可选）' }).fill('当事人均到庭');
    await row.getByRole('button', { name: '登记结果' }).click();
    const dialog = zh.page.getByRole('dialog').filter({ hasText: '登记此结果？' });
    await dialog.waitFor();
    await dialog.getByText('确认有效', { exact: true }).waitFor();
    await dialog.getByText(awaitingResult.reference, { exact: true }).waitFor();
    await dialog.getByText('当事人均到庭', { exact: true }).waitFor();
    await screenshot(zh.page, 'zh-desktop-court-result-confirm');
    // Nothing is recorded until the liaison confirms.
    const before = await db()
      .selectFrom('court_filings')
      .select('status')
      .where('id', '=', awaitingResult.id)
      .executeTakeFirstOrThrow();
    expect(before.status).toBe('accepted');
    await dialog.getByRole('button', { name: '登记结果' }).click();
    await zh.page.getByText('已保存', { exact: true }).waitFor();
    await rowOf(zh.page, awaitingResult.reference).waitFor({ state: 'detached' });
    const after = await db()
      .selectFrom('court_filings')
      .select(['status', 'result', 'result_notes'])
      .where('id', '=', awaitingResult.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({
      status: 'confirmed',
      result: 'confirmed',
      result_notes: '当事人均到庭',
    });
    expect(await seriousAxeViolations(zh.page)).toEqual([]);
    expect(zh.problems).toEqual([]);
    await zh.context.close();
  }, 240_000);
});
