// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/factories.js';
import {
  agreementContentFixture,
  caseVersion,
  createCommittee,
  createTeamCase,
  insertAgreementFixture,
  seedFxRates,
  type Committee,
  type Headers,
  type TeamCase,
} from '../support/agreement-factories.js';
import {
  appMessages,
  callApi,
  ensureWebBuild,
  launchBrowser,
  openPage,
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
let k: Committee;
/** In mediation, with a final agreement for the parties to confirm and sign. */
let mediating: TeamCase;
/** Agreement in effect, one instalment of two paid. */
let performing: TeamCase;
let translatorName: string;

/** The strings a reader sees, straight from the catalogues the app ships (core + party area). */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['party', 'conversation']);
}
const arabic = catalogue('ar');
/** An Arabic string of the app; a key the app lacks fails here rather than matching nothing. */
function ar(key: string): string {
  const m = arabic[key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return m;
}
const before = (message: string) => message.split('{')[0]!.trim();

const call = (method: 'POST' | 'PUT', url: string, as: Headers, body: object = {}) =>
  callApi(server, method, url, as, body);
/** Lifecycle steps carry the case version last read. */
const versioned = async (caseId: string, body: object = {}) => ({
  version: await caseVersion(db(), caseId),
  ...body,
});
const db = () => server.database.db;

const emailOf = (userId: string) => requireUserEmail(db(), userId);

/** A case mid-mediation as the parties find it: a session next week, a translated message, a final agreement. */
async function prepareMediatingCase(): Promise<TeamCase> {
  const c = await createTeamCase(db(), k);
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await call(
    'POST',
    `/api/v1/cases/${c.id}/sessions`,
    k.as.mediator,
    await versioned(c.id, {
      startsAt: `${day}T10:00`,
      timeZone: 'Asia/Shanghai',
      durationMinutes: 90,
      mode: 'in_person',
      room: 'Docking centre, room 3',
    }),
  );
  const message = await call('POST', `/api/v1/cases/${c.id}/messages`, k.as.mediator, {
    language: 'zh',
    body: '请双方在周五前提交发票原件。',
  });
  const translation = await call(
    'PUT',
    `/api/v1/cases/${c.id}/messages/${message.id as string}/translations/ar`,
    k.as.mediator,
    { text: 'يرجى من الطرفين تقديم الفواتير الأصلية قبل يوم الجمعة.' },
  );
  translatorName = (translation.translatedBy as { name: string }).name;
  const content = agreementContentFixture();
  const arabic = [
    'يرد البائع 12,000 دولار أمريكي إلى المشتري.',
    'يعيد المشتري الأغطية المكسورة على نفقة البائع.',
  ];
  content.points = content.points.map((p, i) => ({
    ...p,
    text: { ...p.text, translations: { ...p.text.translations, ar: arabic[i]! } },
  }));
  // Nobody confirms or signs what they cannot read: every section in Arabic too.
  const inArabic = (t: (typeof content)['facts'], ar: string) => ({
    ...t,
    translations: { ...t.translations, ar },
  });
  content.facts = inArabic(
    content.facts,
    'دفع المشتري ثمن 5,000 غطاء هاتف؛ وصل 1,200 منها مكسورًا.',
  );
  content.disputedMatters = inArabic(
    content.disputedMatters,
    'هل حدث الكسر أثناء النقل أم أثناء التصنيع.',
  );
  content.responsibilities = inArabic(
    content.responsibilities,
    'عبّأ البائع البضاعة دون حشوات واقية.',
  );
  content.performanceMethod = inArabic(
    content.performanceMethod,
    'تحويل مصرفي إلى حساب المشتري على قسطين.',
  );
  const draft = await call(
    'POST',
    `/api/v1/cases/${c.id}/agreements`,
    k.as.mediator,
    await versioned(c.id, { content }),
  );
  await call(
    'POST',
    `/api/v1/cases/${c.id}/agreements/${draft.agreementId as string}/finalise`,
    k.as.mediator,
    await versioned(c.id),
  );
  return c;
}

/** A case whose agreement is in effect, with its first instalment paid. */
async function preparePerformingCase(): Promise<TeamCase> {
  await seedFxRates(db());
  // The same two parties: one account follows both of its cases.
  const c = await createTeamCase(db(), k, {
    status: 'performing',
    users: {
      as: mediating.as,
      applicantUserId: mediating.applicantUserId,
      respondentUserId: mediating.respondentUserId,
    },
  });
  await insertAgreementFixture(db(), k, c, { status: 'in_effect', monetary: true });
  const first = await db()
    .selectFrom('instalments')
    .select('id')
    .where('case_id', '=', c.id)
    .where('seq', '=', 1)
    .executeTakeFirstOrThrow();
  await call(
    'POST',
    `/api/v1/cases/${c.id}/payments`,
    k.as.officer,
    await versioned(c.id, {
      amount: { amount: '6000.00', currency: 'USD' },
      paidOn: '2026-03-20',
      instalmentId: first.id,
    }),
  );
  return c;
}

async function signedInContext(userId: string, locale: string, viewport: keyof typeof viewports) {
  return await openSignedInPage(browser, server, await emailOf(userId), {
    locale,
    viewport,
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
  mediating = await prepareMediatingCase();
  performing = await preparePerformingCase();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a party on the case page', () => {
  it('reads the translated thread, confirms the agreement point by point, signs it, writes and uploads evidence (Arabic)', async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: 'ar-EG',
      viewport: 'desktop',
    });
    await page.goto(`${server.url}/cases/${mediating.id}`);
    await page.locator('#login-email').fill(await emailOf(mediating.applicantUserId));
    await page.locator('#login-password').fill(TEST_PASSWORD);
    await page
      .locator('#main')
      .getByRole('button', { name: ar('login.submit') })
      .click();

    // What to do next: two points to confirm, and the session next week.
    const next = page.locator('.party-next');
    await next.getByRole('heading', { level: 2, name: ar('party.next.title') }).waitFor();
    // Two is its own grammatical number in Arabic (ICU plural "two").
    await next.getByText('البندين المتبقيين', { exact: false }).waitFor();
    await next.getByText(before(ar('party.next.attendSession')), { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // The mediator's Chinese message, in Arabic, saying who translated it.
    const thread = page.locator('.conversation-thread');
    await thread.getByText('يرجى من الطرفين تقديم الفواتير الأصلية قبل يوم الجمعة.').waitFor();
    const arabicName = new Intl.DisplayNames(['ar'], { type: 'language' }).of('ar')!;
    await thread
      .getByText(
        ar('conversation.translation.by')
          .replace('{language}', arabicName)
          .replace('{name}', translatorName),
      )
      .waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-desktop-party-case');

    // Point by point ("三必"): the signature only appears once every point is confirmed.
    const agreement = page.locator('section[aria-labelledby="agreement-title"]');
    await agreement.getByText('يرد البائع 12,000 دولار أمريكي إلى المشتري.').waitFor();
    await scrollToTop(page, '#agreement-title');
    await screenshot(page, 'ar-desktop-party-agreement');
    const sign = agreement.getByRole('button', { name: ar('party.agreement.sign') });
    expect(await sign.count()).toBe(0);
    for (const no of [1, 2]) {
      await agreement
        .locator('.party-points > li')
        .nth(no - 1)
        .getByRole('button', { name: before(ar('party.agreement.confirmPoint')) })
        .click();
      await agreement
        .locator('.party-points > li')
        .nth(no - 1)
        .getByText(ar('party.agreement.pointConfirmed'))
        .waitFor();
    }
    await next.getByText(ar('party.next.sign')).waitFor();
    await agreement.getByRole('checkbox').check();
    await sign.click();
    await agreement
      .getByText(before(ar('party.agreement.signedOn')))
      .first()
      .waitFor();
    const confirmations = await db()
      .selectFrom('agreement_confirmations')
      .select('point_no')
      .where('party_id', '=', mediating.applicantPartyId)
      .orderBy('point_no')
      .execute();
    expect(confirmations.map((r) => r.point_no)).toEqual([1, 2]);
    const signature = await db()
      .selectFrom('agreement_signatures')
      .select(['method', 'text_hash'])
      .where('party_id', '=', mediating.applicantPartyId)
      .executeTakeFirstOrThrow();
    expect(signature.method).toBe('electronic');

    // A message in the party's own language.
    await page.locator('#conversation-text').fill('سأرسل الفواتير يوم الخميس.');
    await page.getByRole('button', { name: ar('conversation.send') }).click();
    await thread.getByText('سأرسل الفواتير يوم الخميس.').waitFor();
    const sent = await db()
      .selectFrom('messages')
      .select('language')
      .where('case_id', '=', mediating.id)
      .where('body', '=', 'سأرسل الفواتير يوم الخميس.')
      .executeTakeFirstOrThrow();
    expect(sent.language).toBe('ar');

    // Evidence: upload (multipart), then it is listed and downloads under its Arabic name.
    await page.getByRole('button', { name: ar('party.evidence.upload') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: ar('party.evidence.choose') })
      .waitFor();
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    await page.locator('#evidence-file').setInputFiles({
      name: 'فاتورة.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByRole('button', { name: ar('party.evidence.upload') }).click();
    const link = page.locator('.party-documents').getByRole('link', { name: 'فاتورة.pdf' });
    await link.waitFor();
    // A PDF opens in the browser (inline, under its Arabic name); other types download.
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\?preview=1$/);
    const opened = await context.request.get(server.url + href!);
    expect(opened.headers()['content-disposition']).toMatch(/^inline;/);
    expect(decodeURIComponent(opened.headers()['content-disposition']!)).toContain('فاتورة.pdf');

    // The session in the party's calendar.
    const [ics] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: ar('party.sessions.ics') }).click(),
    ]);
    const icsText = readFileSync(await ics.path(), 'utf8');
    expect(icsText).toContain('BEGIN:VEVENT');
    // 10:00 in Yiwu is 02:00 UTC.
    expect(icsText).toMatch(/DTSTART:\d{8}T020000Z/);
    expect(icsText).toContain('LOCATION:Docking centre\\, room 3');

    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Choosing a language while signed in is remembered by the account.
    await page.getByLabel(ar('shell.language'), { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'What you need to do next' }).waitFor();
    await expect
      .poll(
        async () => {
          const u = await db()
            .selectFrom('users')
            .select('locale')
            .where('id', '=', mediating.applicantUserId)
            .executeTakeFirstOrThrow();
          return u.locale;
        },
        { timeout: 30_000 },
      )
      .toBe('en');

    expect(problems).toEqual([]);
    await context.close();
  }, 360_000);

  it('follows payments and the follow-up visit, and the agreement fingerprint checks out on the public page', async () => {
    const { context, page, problems } = await signedInContext(
      performing.applicantUserId,
      'en-GB',
      'desktop',
    );
    await page.goto(`${server.url}/cases/${performing.id}`);
    const perf = page.locator('section[aria-labelledby="performance-title"]');
    await perf.getByRole('heading', { name: 'Payments and follow-up' }).waitFor();
    await perf.getByText('Still to be paid: $6,000.00').waitFor();
    await perf.getByText('$6,000.00 received on March 20, 2026').waitFor();
    const rows = perf.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('Paid');
    await page
      .locator('.party-next')
      .getByText('Instalment 2 of $6,000.00 was due on April 20, 2026', { exact: false })
      .waitFor();

    const verify = page.getByRole('link', { name: 'Check that this agreement is genuine' });
    await verify.waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await verify.click();
    await page.getByText('Genuine', { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // Anyone, signed out: a made-up fingerprint is not found, a malformed one is refused.
    const visitor = await openPage(browser, { locale: 'ar-EG', viewport: 'phone' });
    await visitor.page.goto(`${server.url}/verify/${'ab'.repeat(32)}`);
    await visitor.page.getByText(ar('verify.unknown.title'), { exact: true }).waitFor();
    await waitUntilSettled(visitor.page);
    expect(await seriousAxeViolations(visitor.page)).toEqual([]);
    await screenshot(visitor.page, 'ar-phone-verify');
    await visitor.page.locator('#verify-hash').fill('not-a-hash');
    await visitor.page.getByRole('button', { name: ar('verify.check') }).click();
    await visitor.page
      .getByRole('alert')
      .filter({ hasText: ar('verify.malformed') })
      .waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  }, 300_000);

  it('reads right to left and fits a 360 px phone; screenshots in zh, en and ar', async () => {
    const shots = [
      { locale: 'zh-CN', lang: 'zh', user: mediating.respondentUserId },
      { locale: 'en-US', lang: 'en', user: mediating.respondentUserId },
      { locale: 'ar-EG', lang: 'ar', user: mediating.applicantUserId },
    ];
    for (const s of shots) {
      for (const viewport of ['desktop', 'phone'] as const) {
        const { context, page, problems } = await signedInContext(s.user, s.locale, viewport);
        await page.goto(`${server.url}/cases/${mediating.id}`);
        await page.locator('.party-next').waitFor();
        await waitUntilSettled(page);
        const [dir, scrollWidth] = await page.evaluate(() => [
          document.documentElement.dir,
          document.documentElement.scrollWidth,
        ]);
        expect(dir).toBe(s.lang === 'ar' ? 'rtl' : 'ltr');
        expect(scrollWidth, `${s.locale} ${viewport} overflows sideways`).toBeLessThanOrEqual(
          viewports[viewport].width,
        );
        if (!(s.lang === 'ar' && viewport === 'desktop')) {
          await screenshot(page, `${s.lang}-${viewport}-party-case`);
          await scrollToTop(page, '#agreement-title');
          await screenshot(page, `${s.lang}-${viewport}-party-agreement`);
        }
        await page.goto(`${server.url}/cases/${performing.id}`);
        await page.locator('section[aria-labelledby="performance-title"]').waitFor();
        await waitUntilSettled(page);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${s.locale} ${viewport} payments overflow sideways`,
        ).toBeLessThanOrEqual(viewports[viewport].width);
        expect(await seriousAxeViolations(page), `${s.locale} ${viewport}`).toEqual([]);
        await scrollToTop(page, '#performance-title');
        await screenshot(page, `${s.lang}-${viewport}-party-payments`);
        expect(problems).toEqual([]);
        await context.close();
      }
    }
  }, 600_000);
});
