// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a foreign applicant on a phone', () => {
  it('applies in Arabic, right to left, and the committee receives the case', async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: 'ar-EG',
      viewport: 'phone',
    });
    await page.goto(server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'سوِّ نزاعك التجاري بلغتك ومجانًا' }).waitFor();
    // The browser's language chose Arabic, and the whole page reads right to left.
    expect(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['ar', 'rtl']);
    const brand = await page.locator('.brand').boundingBox();
    expect(brand!.x + brand!.width).toBeGreaterThan(360 / 2);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-phone-landing');

    await page.getByRole('button', { name: 'طلب وساطة' }).click();
    await page.getByRole('heading', { level: 1, name: 'طلب وساطة' }).waitFor();

    // Step 1: the category, with help in plain language; going on without one is refused.
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByRole('alert').filter({ hasText: 'اختر نوع النزاع.' }).waitFor();
    await page.locator('input[name=category][value=goods_quality]').check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-phone-apply-category');
    await page.getByRole('button', { name: 'التالي' }).click();

    // Step 2: the parties. The applicant's language defaults to the page language.
    await page.locator('#applicant-name').fill('كريم منصور');
    await page.locator('#applicant-country').click();
    await page.keyboard.type('مصر');
    await page.keyboard.press('Enter');
    await page.locator('#applicant-email').fill('karim.mansour@example.com');
    await page.locator('#respondent-name').fill('义乌市星辰饰品商行');
    await page.locator('#respondent-email').fill('xingchen@example.cn');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'التالي' }).click();

    // Step 3: the claim. A malformed amount is refused in Arabic.
    await page.locator('#summary').fill('وصلت 2000 وشاح بلون مختلف عن الطلب');
    await page.locator('#description').fill('طلبت 2000 وشاح أزرق في سبتمبر، ووصلت باللون الأخضر.');
    await page.locator('#amount').fill('12000.505');
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByRole('alert').filter({ hasText: 'أدخل مبلغًا أكبر من صفر' }).waitFor();
    await page.locator('#amount').fill('12000.50');
    await page.getByRole('button', { name: 'التالي' }).click();

    // Step 4: review and consents. A foreign party needs the separate cross-border consent.
    await page.getByText('كريم منصور').waitFor();
    await page.locator('#consent-processing').check();
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    await page.getByRole('alert').filter({ hasText: 'هذه الموافقة مطلوبة أيضًا' }).waitFor();
    await page.locator('#consent-cross-border').check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-phone-apply-consents');

    // The draft survives a reload before submission.
    await page.reload();
    await page.getByRole('button', { name: 'التالي' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('accord.applicationDraft.v1'))).toContain(
      'كريم منصور',
    );
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();

    await page.getByRole('heading', { level: 1, name: 'تم استلام طلبك' }).waitFor();
    const reference = await page.locator('.done strong').innerText();
    expect(
      await page.evaluate(() => localStorage.getItem('accord.applicationDraft.v1')),
    ).toBeNull();
    await screenshot(page, 'ar-phone-apply-done');

    const row = await server.database.db
      .selectFrom('cases')
      .select(['id', 'status', 'category', 'claimed_amount_minor', 'claimed_currency'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'submitted',
      category: 'goods_quality',
      claimed_currency: 'USD',
    });
    expect(Number(row.claimed_amount_minor)).toBe(1_200_050);
    const parties = await server.database.db
      .selectFrom('case_parties')
      .select(['role', 'country', 'preferred_language'])
      .where('case_id', '=', row.id)
      .orderBy('role')
      .execute();
    expect(parties).toEqual([
      { role: 'applicant', country: 'EG', preferred_language: 'ar' },
      { role: 'respondent', country: 'CN', preferred_language: 'zh' },
    ]);

    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('types the amount in Persian digits on a phone (۴۵۰۰۰) and the committee receives 45000', async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: 'fa-IR',
      viewport: 'phone',
    });
    const fa = JSON.parse(readFileSync('src/web/i18n/messages/fa.json', 'utf8')) as Record<
      string,
      string
    >;
    await page.goto(server.url + '/apply');
    await page.getByRole('heading', { level: 1, name: fa['apply.title'] }).waitFor();
    const next = page.getByRole('button', { name: fa['form.next'] });
    await page.locator('input[name=category][value=payment]').check();
    await next.click();
    await page.locator('#applicant-name').fill('مریم احمدی');
    await page.locator('#applicant-country').click();
    await page.keyboard.type('ایران');
    await page.keyboard.press('Enter');
    await page.locator('#applicant-email').fill('maryam.ahmadi@example.com');
    await page.locator('#respondent-name').fill('义乌市星辰饰品商行');
    await page.locator('#respondent-email').fill('xingchen@example.cn');
    await next.click();
    await page.locator('#summary').fill('پرداخت ۴۵۰۰۰ دلاری برای سفارش بی‌پاسخ ماند');
    await page.locator('#description').fill('کالا تحویل نشد و بیعانه بازگردانده نشد.');
    // Typed with a Persian keyboard: it stays as typed on screen and counts as 45000.
    await page.locator('#amount').fill('۴۵۰۰۰');
    expect(await page.locator('#amount').inputValue()).toBe('۴۵۰۰۰');
    await next.click();
    await page.locator('#consent-processing').waitFor();
    expect(
      await page.getByRole('alert').filter({ hasText: fa['apply.error.amount'] }).count(),
    ).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('accord.applicationDraft.v1'))).toContain(
      '"amount":"45000"',
    );
    await page.locator('#consent-processing').check();
    await page.locator('#consent-cross-border').check();
    await page.getByRole('button', { name: fa['apply.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: fa['apply.done.title'] }).waitFor();
    const reference = await page.locator('.done strong').innerText();
    const row = await server.database.db
      .selectFrom('cases')
      .select(['claimed_amount_minor', 'claimed_currency'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(Number(row.claimed_amount_minor)).toBe(4_500_000);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
