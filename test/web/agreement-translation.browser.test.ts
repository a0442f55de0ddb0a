// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addTeamInterpreter,
  caseVersion,
  createCommittee,
  createTeamCase,
  type Committee,
  type TeamCase,
} from '../support/agreement-factories.js';
import {
  appMessages,
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
import { requireMediatorEmail, requireUserEmail } from '../support/require-user-email.js';

// Issue 15: nobody confirms or signs what they cannot read. A Persian party reads the agreement
// in Persian on a phone and signs; facing an untranslated point, asks for a translation; a
// mediator drafts Chinese and Persian side by side and freezes the text through a confirmation.

let server: WebServer;
let browser: Browser;
let k: Committee;
const db = () => server.database.db;

/** A locale's strings as the app ships them: core, staff, party and agreement areas. */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['staff', 'party', 'agreement']);
}
const catalogues = { fa: catalogue('fa'), 'zh-CN': catalogue('zh-CN') };
/** A message of the app, formatted; a key the app lacks fails here rather than matching nothing. */
function t(locale: keyof typeof catalogues, key: string, values: Record<string, unknown> = {}) {
  const m = catalogues[locale][key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return String(new IntlMessageFormat(m, locale).format(values));
}
const before = (locale: keyof typeof catalogues, key: string) =>
  catalogues[locale][key]!.split('{')[0]!.trim();

const versioned = async (caseId: string, body: object = {}) => ({
  version: await caseVersion(db(), caseId),
  ...body,
});

const zh = {
  facts: '5,000 个手机壳中有 1,200 个到货时破裂。',
  disputedMatters: '破裂手机壳的损失由谁承担。',
  responsibilities: '卖方包装不当。',
  points: ['卖方向买方退款 12,000 美元。', '买方退回破裂的手机壳，费用由卖方承担。'],
  performanceMethod: '30 日内银行转账。',
};
const fa = {
  facts: 'از ۵٬۰۰۰ قاب گوشی، ۱٬۲۰۰ عدد شکسته رسید.',
  disputedMatters: 'چه کسی زیان قاب‌های شکسته را می‌پردازد.',
  responsibilities: 'فروشنده کالا را نامناسب بسته‌بندی کرد.',
  points: [
    'فروشنده ۱۲٬۰۰۰ دلار آمریکا به خریدار بازپرداخت می‌کند.',
    'خریدار قاب‌های شکسته را با هزینهٔ فروشنده بازمی‌گرداند.',
  ],
  performanceMethod: 'با حوالهٔ بانکی ظرف ۳۰ روز.',
};

/** A case in mediation whose applicant reads Persian only (the respondent reads Chinese). */
async function persianCase(): Promise<TeamCase> {
  const c = await createTeamCase(db(), k);
  await db()
    .updateTable('case_parties')
    .set({
      name: 'رضا تهرانی',
      country: 'IR',
      languages_json: JSON.stringify(['fa']),
      preferred_language: 'fa',
    })
    .where('id', '=', c.applicantPartyId)
    .execute();
  await db()
    .deleteFrom('case_languages')
    .where('case_id', '=', c.id)
    .where('language', '=', 'ar')
    .execute();
  await db()
    .insertInto('case_languages')
    .values({ org_id: k.orgId, case_id: c.id, language: 'fa' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return c;
}

/** Chinese original, Persian beside it, except the points listed as untranslated. */
function content(o: { untranslatedPoints?: number[] } = {}) {
  const text = (original: string, persian: string | null) => ({
    lang: 'zh',
    text: original,
    translations: persian ? { fa: persian } : {},
  });
  return {
    facts: text(zh.facts, fa.facts),
    disputedMatters: text(zh.disputedMatters, fa.disputedMatters),
    responsibilities: text(zh.responsibilities, fa.responsibilities),
    points: zh.points.map((p, i) => ({
      no: i + 1,
      text: text(p, o.untranslatedPoints?.includes(i + 1) ? null : fa.points[i]!),
    })),
    amount: '12000.00',
    currency: 'USD',
    performanceMethod: text(zh.performanceMethod, fa.performanceMethod),
    instalments: [{ seq: 1, dueOn: '2026-12-31', amount: '12000.00' }],
    prevailingLanguage: 'zh',
  };
}

/** Drafted and frozen through the API, the Persian credited to an outside translator. */
async function finalAgreement(c: TeamCase, o: { untranslatedPoints?: number[] } = {}) {
  const draft = await callApi(
    server,
    'POST',
    `/api/v1/cases/${c.id}/agreements`,
    k.as.mediator,
    await versioned(c.id, {
      content: content(o),
      translatedBy: { fa: { name: 'Maryam Karimi', method: 'human' } },
    }),
  );
  await callApi(
    server,
    'POST',
    `/api/v1/cases/${c.id}/agreements/${draft.agreementId as string}/finalise`,
    k.as.mediator,
    await versioned(c.id, o.untranslatedPoints ? { sightTranslation: true } : {}),
  );
  return draft.agreementId as string;
}

const partyPage = async (c: TeamCase) =>
  openSignedInPage(browser, server, await requireUserEmail(db(), c.applicantUserId), {
    locale: 'fa-IR',
    viewport: 'phone',
  });

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the agreement in the languages the parties read', () => {
  it('a Persian party on a phone reads the agreement in Persian, the original on request, and signs', async () => {
    const c = await persianCase();
    await finalAgreement(c);
    const { context, page, problems } = await partyPage(c);
    await page.goto(`${server.url}/cases/${c.id}`);
    const agreement = page.locator('section[aria-labelledby="agreement-title"]');
    await agreement.getByText(fa.points[0]!).waitFor();
    await waitUntilSettled(page);
    const [dir, width] = await page.evaluate(() => [
      document.documentElement.dir,
      document.documentElement.scrollWidth,
    ]);
    expect(dir).toBe('rtl');
    expect(width).toBeLessThanOrEqual(viewports.phone.width);
    // Every section in Persian, saying who translated it; no Chinese until asked for.
    await agreement.getByText(fa.facts).waitFor();
    await agreement.getByText(fa.performanceMethod).waitFor();
    expect(
      await agreement
        .getByText(t('fa', 'agreement.text.translatedBy', { name: 'Maryam Karimi' }))
        .count(),
    ).toBeGreaterThanOrEqual(6);
    expect(await agreement.getByText(zh.points[0]!).count()).toBe(0);
    await agreement.locator('#agreement-title').evaluate((e) => e.scrollIntoView());
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'fa-phone-party-agreement-persian');

    // The Chinese original beside the Persian, isolated in its own direction.
    await agreement.getByRole('switch').click();
    const original = agreement.getByText(zh.points[0]!);
    await original.waitFor();
    expect(await original.getAttribute('lang')).toBe('zh');
    expect(await original.getAttribute('dir')).toBe('auto');
    await agreement.locator('.party-points').evaluate((e) => e.scrollIntoView());
    await screenshot(page, 'fa-phone-party-agreement-original');

    // Point by point, then the signature.
    for (const no of [1, 2]) {
      const point = agreement.locator('.party-points > li').nth(no - 1);
      await point
        .getByRole('button', { name: before('fa', 'party.agreement.confirmPoint') })
        .click();
      await point.getByText(t('fa', 'party.agreement.pointConfirmed')).waitFor();
    }
    await agreement.getByRole('checkbox').check();
    const sign = agreement.getByRole('button', { name: t('fa', 'party.agreement.sign') });
    await sign.click();
    // The signed line names the party; the text before {when} alone ("در") is too common a
    // word to wait for, so wait for the button to go and the party's line to say it signed.
    await sign.waitFor({ state: 'detached' });
    const signedSuffix = catalogues.fa['party.agreement.signedOn']!.split('}')[1]!.trim();
    await agreement
      .locator('.party-signers li')
      .filter({ hasText: signedSuffix })
      .first()
      .waitFor();
    const signature = await vi.waitFor(
      async () =>
        db()
          .selectFrom('agreement_signatures')
          .select('method')
          .where('party_id', '=', c.applicantPartyId)
          .executeTakeFirstOrThrow(),
      { timeout: 15_000, interval: 200 },
    );
    expect(signature.method).toBe('electronic');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a party facing an untranslated point cannot confirm it and requests a translation; once an interpreter attests a sight translation, they can', async () => {
    const c = await persianCase();
    await finalAgreement(c, { untranslatedPoints: [2] });
    const { context, page, problems } = await partyPage(c);
    await page.goto(`${server.url}/cases/${c.id}`);
    const agreement = page.locator('section[aria-labelledby="agreement-title"]');
    const missing = agreement.getByTestId('agreement-missing');
    await missing.getByText(t('fa', 'agreement.party.blockedTitle')).waitFor();
    await waitUntilSettled(page);
    // The untranslated point shows in Chinese, saying so; nothing can be confirmed or signed.
    await agreement.getByText(zh.points[1]!).waitFor();
    await agreement
      .getByText(t('fa', 'agreement.text.notReadable', { language: 'چینی' }))
      .waitFor();
    expect(
      await agreement
        .getByRole('button', { name: before('fa', 'party.agreement.confirmPoint') })
        .count(),
    ).toBe(0);
    expect(
      await agreement.getByRole('button', { name: t('fa', 'party.agreement.sign') }).count(),
    ).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    await missing.evaluate((e) => e.scrollIntoView());
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'fa-phone-party-agreement-missing');

    await missing
      .getByRole('button', { name: t('fa', 'agreement.party.request', { language: 'فارسی' }) })
      .click();
    await missing
      .getByRole('status')
      .getByText(t('fa', 'agreement.party.requested', { language: 'فارسی' }))
      .waitFor();
    await screenshot(page, 'fa-phone-party-translation-requested');
    // The request reached the API: the team and the officers are notified through the outbox.
    const queued = await db()
      .selectFrom('outbox')
      .select('payload_json')
      .where('payload_json', 'like', '%translation.requested%')
      .where('payload_json', 'like', `%${c.id}%`)
      .execute();
    expect(queued.length).toBeGreaterThan(0);

    // The team's interpreter reads the missing point aloud in Persian and attests it.
    const interpreter = await addTeamInterpreter(db(), k, c.id, 'fa');
    const i = await openSignedInPage(
      browser,
      server,
      await requireMediatorEmail(db(), interpreter.mediatorId),
      { locale: 'fa-IR', viewport: 'phone' },
    );
    await i.page.goto(`${server.url}/cases/${c.id}`);
    const preview = i.page.getByTestId('agreement-preview');
    const forReza = preview.locator('details').filter({ hasText: 'رضا تهرانی' });
    await forReza.locator('summary').click();
    await forReza
      .getByRole('button', {
        name: t('fa', 'agreement.sight.attest', { name: 'رضا تهرانی', language: 'فارسی' }),
      })
      .click();
    await forReza.getByText(t('fa', 'agreement.preview.canConfirm')).waitFor();
    expect(i.problems).toEqual([]);
    await i.context.close();

    // Now the party may confirm, and is told who read the missing part to them.
    await page.reload();
    await agreement
      .getByText(
        t('fa', 'agreement.party.sightTranslated', {
          name: 'Layla Interpreter',
          language: 'فارسی',
        }),
      )
      .waitFor();
    expect(await agreement.getByTestId('agreement-missing').count()).toBe(0);
    expect(
      await agreement
        .getByRole('button', { name: before('fa', 'party.agreement.confirmPoint') })
        .count(),
    ).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a mediator drafts in Chinese and Persian side by side, assigns the missing translation, and freezes through the confirmation', async () => {
    const c = await persianCase();
    const m = await openSignedInPage(
      browser,
      server,
      await requireMediatorEmail(db(), k.mediatorId),
      {
        locale: 'zh-CN',
        viewport: 'desktop',
      },
    );
    await m.page.goto(`${server.url}/cases/${c.id}`);
    const form = m.page.getByTestId('agreement-draft-form');
    await form.waitFor();
    await waitUntilSettled(m.page);
    const persian = new Intl.DisplayNames(['zh-CN'], { type: 'language' }).of('fa')!;
    // Each text in Chinese with the Persian beside it; the second term's Persian left for later.
    for (const key of [
      'facts',
      'disputedMatters',
      'responsibilities',
      'performanceMethod',
    ] as const) {
      await form.locator(`#draft-${key}-zh`).fill(zh[key]);
      await form.locator(`#draft-${key}-fa`).fill(fa[key]);
    }
    await form.locator('#draft-point-1-zh').fill(zh.points[0]!);
    await form.locator('#draft-point-1-fa').fill(fa.points[0]!);
    await form.getByRole('button', { name: t('zh-CN', 'draft.addPoint') }).click();
    await form.locator('#draft-point-2-zh').fill(zh.points[1]!);
    expect(await form.locator('#draft-point-2-fa').getAttribute('dir')).toBe('auto');
    await form.locator('#draft-amount').fill('12000.00');
    await form.locator('#draft-currency').fill('USD');
    await form.getByLabel(t('zh-CN', 'draft.dueOn', { no: 1 })).fill('2026-12-31');
    await form
      .getByTestId('draft-checklist')
      .getByText(t('zh-CN', 'agreement.checklist.missingPoints', { count: 1, language: persian }))
      .waitFor();
    expect(await seriousAxeViolations(m.page)).toEqual([]);
    await form.locator('#draft-point-1-zh').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(m.page, 'zh-desktop-agreement-draft-bilingual');
    await form.getByRole('button', { name: t('zh-CN', 'draft.submit') }).click();

    // The checklist names what is missing, and someone to translate it.
    const checklist = m.page.getByTestId('translation-checklist');
    await checklist
      .getByText(t('zh-CN', 'agreement.checklist.missingPoints', { count: 1, language: persian }))
      .waitFor();
    await checklist
      .getByRole('combobox', {
        name: t('zh-CN', 'agreement.checklist.assignee', { language: persian }),
      })
      .click();
    // A mediator can take it on themselves (an officer can pick any member of the team).
    await m.page.getByTitle('Omar Mediator').click();
    await checklist
      .getByRole('status')
      .getByText(
        t('zh-CN', 'agreement.checklist.assigned', { name: 'Omar Mediator', language: persian }),
      )
      .waitFor();

    // Freezing asks first; the API refuses while the Persian party cannot read term 2.
    await m.page.getByRole('button', { name: t('zh-CN', 'agreementStaff.finalise') }).click();
    let dialog = m.page.getByRole('dialog', { name: t('zh-CN', 'agreement.finalise.title') });
    await dialog.getByText(t('zh-CN', 'agreement.finalise.begins')).waitFor();
    await dialog.getByRole('button', { name: t('zh-CN', 'agreement.finalise.ok') }).click();
    await dialog.getByTestId('finalise-missing').waitFor();
    await dialog.getByText('رضا تهرانی', { exact: false }).waitFor();
    await screenshot(m.page, 'zh-desktop-agreement-freeze-missing');
    await dialog.getByRole('button', { name: t('zh-CN', 'agreement.cancel') }).click();

    // The draft stays editable: add the missing Persian, saved as version 2.
    await m.page.getByRole('button', { name: t('zh-CN', 'agreement.staff.edit') }).click();
    await form.locator('#draft-point-2-fa').fill(fa.points[1]!);
    await form.getByRole('button', { name: t('zh-CN', 'agreement.draft.saveVersion') }).click();
    await m.page
      .getByText(t('zh-CN', 'agreement.checklist.complete', { language: persian }))
      .waitFor();
    await m.page.getByRole('button', { name: t('zh-CN', 'agreementStaff.finalise') }).click();
    dialog = m.page.getByRole('dialog', { name: t('zh-CN', 'agreement.finalise.title') });
    const languages = new Intl.ListFormat('zh-CN', { type: 'conjunction' }).format([
      new Intl.DisplayNames(['zh-CN'], { type: 'language' }).of('zh')!,
      persian,
    ]);
    await dialog
      .getByText(t('zh-CN', 'agreement.finalise.body', { version: 2, count: 2, languages }))
      .waitFor();
    await screenshot(m.page, 'zh-desktop-agreement-freeze');
    await dialog.getByRole('button', { name: t('zh-CN', 'agreement.finalise.ok') }).click();
    await m.page
      .getByRole('button', { name: t('zh-CN', 'agreementStaff.signAsMediator') })
      .waitFor();
    const frozen = await db()
      .selectFrom('agreements')
      .select(['version', 'status', 'content_json'])
      .where('case_id', '=', c.id)
      .where('status', '=', 'final')
      .executeTakeFirstOrThrow();
    expect(frozen.version).toBe(2);
    const points = (
      JSON.parse(frozen.content_json) as {
        points: { text: { lang: string; translations: Record<string, string> } }[];
      }
    ).points;
    expect(points.map((p) => [p.text.lang, p.text.translations.fa])).toEqual([
      ['zh', fa.points[0]],
      ['zh', fa.points[1]],
    ]);
    // What each party will read, previewed on the team's page.
    const preview = m.page.getByTestId('agreement-preview');
    await preview.getByText('رضا تهرانی').click();
    await preview.getByText(fa.points[1]!).waitFor();
    await preview.evaluate((e) => e.scrollIntoView());
    expect(await seriousAxeViolations(m.page)).toEqual([]);
    await screenshot(m.page, 'zh-desktop-agreement-preview');
    // The one refusal was the deliberate 409 TRANSLATION_MISSING above.
    expect(m.problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await m.context.close();

    // On a phone, in Persian: revising the frozen text says first that confirmations will not
    // count; the columns stack, each labelled with its language, right to left.
    const p = await openSignedInPage(
      browser,
      server,
      await requireMediatorEmail(db(), k.mediatorId),
      { locale: 'fa-IR', viewport: 'phone' },
    );
    await p.page.goto(`${server.url}/cases/${c.id}`);
    await p.page.getByRole('button', { name: t('fa', 'agreement.staff.revise') }).click();
    const revise = p.page.getByRole('dialog', { name: t('fa', 'agreement.revise.title') });
    await revise.getByText(t('fa', 'agreement.revise.body', { version: 2, next: 3 })).waitFor();
    await screenshot(p.page, 'fa-phone-agreement-revise-confirm');
    await revise.getByRole('button', { name: t('fa', 'agreement.revise.ok') }).click();
    const phoneForm = p.page.getByTestId('agreement-draft-form');
    await phoneForm.locator('#draft-point-1-fa').waitFor();
    expect(await phoneForm.locator('#draft-point-1-fa').inputValue()).toBe(fa.points[0]);
    await waitUntilSettled(p.page);
    const [dir, width] = await p.page.evaluate(() => [
      document.documentElement.dir,
      document.documentElement.scrollWidth,
    ]);
    expect(dir).toBe('rtl');
    expect(width).toBeLessThanOrEqual(viewports.phone.width);
    await phoneForm
      .locator('#draft-point-1-zh')
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
    expect(await seriousAxeViolations(p.page)).toEqual([]);
    await screenshot(p.page, 'fa-phone-agreement-revise');
    await phoneForm.getByRole('button', { name: t('fa', 'agreement.cancel') }).click();
    await p.page.getByTestId('agreement-preview').waitFor();
    expect(p.problems).toEqual([]);
    await p.context.close();
  }, 300_000);
});
