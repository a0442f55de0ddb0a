// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommittee, createTeamCase, type Committee } from '../support/agreement-factories.js';
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
import {
  requireMediatorEmail,
  requireMemberEmail,
  requireUserEmail,
} from '../support/require-user-email.js';

// Issue 16: what a party sends reaches the team. A Persian party on a phone posts a message with
// an invoice; the officer (Chinese) and the mediator see both with the new-message line; the
// mediator answers in the applicant's private caucus; the respondent never sees it.

let server: WebServer;
let browser: Browser;
let k: Committee;
const db = () => server.database.db;

/** A locale's strings as the app ships them: core, staff, party and conversation areas. */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['staff', 'party', 'conversation']);
}
const catalogues = { fa: catalogue('fa'), 'zh-CN': catalogue('zh-CN'), ar: catalogue('ar') };
/** A message of the app, formatted; a key the app lacks fails here rather than matching nothing. */
function t(locale: keyof typeof catalogues, key: string, values: Record<string, unknown> = {}) {
  const m = catalogues[locale][key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return String(new IntlMessageFormat(m, locale).format(values));
}

/** waitUntilSettled, failing with what the page reported if it never settles. */
async function settled(page: Page, problems: string[]) {
  await waitUntilSettled(page).catch((e: Error) => {
    throw new Error(`${e.message}\npage problems: ${JSON.stringify(problems)}`);
  });
}

async function scrollToTop(page: Page, selector: string) {
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

const invoice = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const partyText = 'فاکتور اصلی را پیوست کردم. ۱٬۲۰۰ قاب شکسته رسید.';
const caucusText = 'شکراً. ما الحد الأدنى الذي تقبلونه؟ لن نخبر الطرف الآخر.';
const translation = '我附上了原始发票。1,200 个手机壳到货时已破裂。';

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

describe('the conversation reaches the team, and the caucus stays with its side', () => {
  it('party posts with an invoice; officer and mediator see both as new; the mediator answers in the caucus; the other side sees nothing of it', async () => {
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

    // 1. The Persian applicant, on a phone, writes to everyone and attaches the invoice.
    const p = await openSignedInPage(
      browser,
      server,
      await requireUserEmail(db(), c.applicantUserId),
      {
        locale: 'fa-IR',
        viewport: 'phone',
      },
    );
    await p.page.goto(`${server.url}/cases/${c.id}`);
    const partyConversation = p.page.locator('section[aria-labelledby="conversation-title"]');
    await partyConversation.getByText(t('fa', 'conversation.explain.everyoneParty')).waitFor();
    await settled(p.page, p.problems);
    expect(await p.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const partyTabs = partyConversation.getByRole('tab');
    expect(await partyTabs.allTextContents()).toEqual([
      t('fa', 'conversation.channel.everyone'),
      t('fa', 'conversation.channel.ownCaucus'),
    ]);
    await p.page.locator('#conversation-text').fill(partyText);
    await p.page.locator('#conversation-file').setInputFiles({
      name: 'فاکتور.pdf',
      mimeType: 'application/pdf',
      buffer: invoice,
    });
    await partyConversation.getByRole('button', { name: t('fa', 'conversation.send') }).click();
    const posted = partyConversation
      .locator('.conversation-message')
      .filter({ hasText: partyText });
    await posted.getByRole('link', { name: 'فاکتور.pdf' }).waitFor();
    // The file is evidence too, with its true size (it used to read "0 KB").
    const evidenceRow = p.page.locator('.party-documents li').filter({ hasText: 'فاکتور.pdf' });
    await evidenceRow.waitFor();
    const size = new Intl.NumberFormat('fa-IR', {
      style: 'unit',
      unit: 'byte',
      unitDisplay: 'short',
    }).format(invoice.length);
    expect(await evidenceRow.textContent()).toContain(size);
    await scrollToTop(p.page, '#conversation-title');
    await screenshot(p.page, 'fa-phone-party-thread-everyone');
    expect(p.problems).toEqual([]);

    // 2. The officer, in Chinese: the message after the "new" line, the invoice attached, and the
    //    team's caucus channels for each side; the evidence panel lists the invoice for everyone.
    const o = await openSignedInPage(
      browser,
      server,
      await requireMemberEmail(db(), k.orgId, 'officer'),
      {
        locale: 'zh-CN',
        viewport: 'desktop',
      },
    );
    await o.page.goto(`${server.url}/cases/${c.id}`);
    const officerConversation = o.page.locator('section[aria-labelledby="conversation-title"]');
    const officerThread = officerConversation.locator('.conversation-thread');
    await officerThread.locator('.conversation-new').waitFor();
    const officerMessage = officerThread
      .locator('.conversation-message')
      .filter({ hasText: partyText });
    await officerMessage.getByRole('link', { name: 'فاکتور.pdf' }).waitFor();
    expect(
      await officerThread.locator('.conversation-new + .conversation-message').textContent(),
    ).toContain(partyText);
    expect(await officerConversation.getByRole('tab').allTextContents()).toEqual([
      t('zh-CN', 'conversation.channel.everyone'),
      t('zh-CN', 'conversation.channel.team'),
      t('zh-CN', 'conversation.channel.caucus_applicant'),
      t('zh-CN', 'conversation.channel.caucus_respondent'),
    ]);
    const officerEvidence = o.page.locator('section[aria-labelledby="staff-evidence-title"]');
    const invoiceRow = officerEvidence.locator('li').filter({ hasText: 'فاکتور.pdf' });
    await invoiceRow.getByText(t('zh-CN', 'conversation.evidence.visibility.all')).waitFor();
    // The invoice opens in the browser (inline, nosniff), not as a download.
    const href = await invoiceRow.getByRole('link', { name: 'فاکتور.pdf' }).getAttribute('href');
    expect(href).toMatch(/\?preview=1$/);
    const preview = await o.context.request.get(server.url + href!);
    expect(preview.headers()['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers()['x-content-type-options']).toBe('nosniff');
    // Seeing the channel is what marks it read, through an explicit write.
    await o.page.waitForFunction(
      () => !document.querySelector('#channel-everyone .conversation-badge'),
    );
    const officerUserId = (
      await db()
        .selectFrom('users')
        .select('id')
        .where('email', '=', await requireMemberEmail(db(), k.orgId, 'officer'))
        .executeTakeFirstOrThrow()
    ).id;
    const position = await db()
      .selectFrom('message_read_positions')
      .select('channel')
      .where('case_id', '=', c.id)
      .where('user_id', '=', officerUserId)
      .execute();
    expect(position.map((r) => r.channel)).toEqual(['everyone']);
    await waitUntilSettled(o.page);
    expect(await seriousAxeViolations(o.page)).toEqual([]);
    await scrollToTop(o.page, '#conversation-title');
    await screenshot(o.page, 'zh-CN-desktop-officer-thread');
    expect(o.problems).toEqual([]);
    await o.context.close();

    // 3. The mediator (Arabic): the same "new" line; adds a Chinese translation credited to them,
    //    then answers the applicant in their private caucus.
    const m = await openSignedInPage(
      browser,
      server,
      await requireMediatorEmail(db(), k.mediatorId),
      {
        locale: 'ar-EG',
        viewport: 'desktop',
      },
    );
    await m.page.goto(`${server.url}/cases/${c.id}`);
    const mediatorConversation = m.page.locator('section[aria-labelledby="conversation-title"]');
    const mediatorThread = mediatorConversation.locator('.conversation-thread');
    await mediatorThread.locator('.conversation-new').waitFor();
    const mediatorMessage = mediatorThread
      .locator('.conversation-message')
      .filter({ hasText: partyText });
    await mediatorMessage.getByRole('link', { name: 'فاکتور.pdf' }).waitFor();
    await settled(m.page, m.problems);
    await mediatorMessage.getByRole('button', { name: t('ar', 'conversation.translate') }).click();
    await mediatorMessage.locator('.ant-select').click();
    const chinese = new Intl.DisplayNames(['ar'], { type: 'language' }).of('zh')!;
    await m.page.locator('.ant-select-item-option').filter({ hasText: chinese }).click();
    await mediatorMessage.locator('textarea').fill(translation);
    await mediatorMessage
      .getByRole('button', { name: t('ar', 'conversation.translate.save') })
      .click();
    // A translation credits the person who made it: the mediator's account name.
    const mediatorName = (
      await db()
        .selectFrom('mediator_profiles')
        .innerJoin('users', 'users.id', 'mediator_profiles.user_id')
        .select('users.display_name')
        .where('mediator_profiles.id', '=', k.mediatorId)
        .executeTakeFirstOrThrow()
    ).display_name;
    const credited = mediatorMessage
      .locator('.conversation-translation')
      .filter({ hasText: translation });
    await credited
      .getByText(t('ar', 'conversation.translation.by', { language: chinese, name: mediatorName }))
      .waitFor();

    await mediatorConversation
      .getByRole('tab', { name: t('ar', 'conversation.channel.caucus_applicant') })
      .click();
    await mediatorConversation
      .getByText(t('ar', 'conversation.explain.caucus', { side: 'applicant' }))
      .waitFor();
    await m.page.locator('#conversation-text').fill(caucusText);
    await mediatorConversation.getByRole('button', { name: t('ar', 'conversation.send') }).click();
    await mediatorThread.locator('.conversation-message').filter({ hasText: caucusText }).waitFor();
    await scrollToTop(m.page, '#conversation-title');
    await screenshot(m.page, 'ar-desktop-mediator-caucus');
    expect(m.problems).toEqual([]);
    await m.context.close();

    // 4. The respondent (Chinese): the applicant's message is there, the caucus answer is not,
    //    neither on the page nor in the API; their own private channel is empty.
    const r = await openSignedInPage(
      browser,
      server,
      await requireUserEmail(db(), c.respondentUserId),
      {
        locale: 'zh-CN',
        viewport: 'desktop',
      },
    );
    await r.page.goto(`${server.url}/cases/${c.id}`);
    const respondentConversation = r.page.locator('section[aria-labelledby="conversation-title"]');
    await respondentConversation
      .locator('.conversation-message')
      .filter({ hasText: partyText })
      .waitFor();
    await settled(r.page, r.problems);
    expect(await respondentConversation.getByRole('tab').allTextContents()).toEqual([
      t('zh-CN', 'conversation.channel.everyone'),
      t('zh-CN', 'conversation.channel.ownCaucus'),
    ]);
    await respondentConversation
      .getByRole('tab', { name: t('zh-CN', 'conversation.channel.ownCaucus') })
      .click();
    await respondentConversation.getByText(t('zh-CN', 'conversation.explain.ownCaucus')).waitFor();
    await respondentConversation.getByText(t('zh-CN', 'conversation.none')).waitFor();
    expect(await r.page.content()).not.toContain(caucusText);
    const api = await r.context.request.get(`${server.url}/api/v1/cases/${c.id}/messages`);
    expect(await api.text()).not.toContain(caucusText);
    expect(await api.text()).not.toContain('caucus_applicant');
    await screenshot(r.page, 'zh-CN-desktop-respondent-thread');
    expect(r.problems).toEqual([]);
    await r.context.close();

    // 5. Back on the applicant's phone: one unread in "Private with the mediators", who can read
    //    it explained, and the answer after the "new" line.
    await p.page.reload();
    const caucusTab = partyConversation.getByRole('tab', {
      name: new RegExp(t('fa', 'conversation.channel.ownCaucus')),
    });
    await caucusTab.locator('.conversation-badge').filter({ hasText: '۱' }).waitFor();
    await scrollToTop(p.page, '#conversation-title');
    await screenshot(p.page, 'fa-phone-party-thread-badge');
    await caucusTab.click();
    await partyConversation.getByText(t('fa', 'conversation.explain.ownCaucus')).waitFor();
    const answer = partyConversation.locator('.conversation-new + .conversation-message');
    await answer.filter({ hasText: caucusText }).waitFor();
    await settled(p.page, p.problems);
    expect(await seriousAxeViolations(p.page)).toEqual([]);
    await scrollToTop(p.page, '#conversation-title');
    await screenshot(p.page, 'fa-phone-party-thread-caucus');

    // A file shared in the caucus is listed as private with the mediators.
    await p.page.locator('#conversation-text').fill('حداقل مبلغ را در این فایل نوشته‌ام.');
    await p.page.locator('#conversation-file').setInputFiles({
      name: 'حداقل.pdf',
      mimeType: 'application/pdf',
      buffer: invoice,
    });
    await partyConversation.getByRole('button', { name: t('fa', 'conversation.send') }).click();
    await partyConversation
      .locator('.conversation-message')
      .filter({ hasText: 'حداقل مبلغ' })
      .getByRole('link', { name: 'حداقل.pdf' })
      .waitFor();
    await p.page
      .locator('.party-documents li')
      .filter({ hasText: 'حداقل.pdf' })
      .getByText(t('fa', 'conversation.channel.ownCaucus'))
      .waitFor();
    const respondentEvidence = await server.app.inject({
      url: `/api/v1/cases/${c.id}/documents`,
      headers: c.as.respondent,
    });
    expect(respondentEvidence.body).not.toContain('حداقل.pdf');
    expect(p.problems).toEqual([]);
    await p.context.close();
  }, 300_000);

  it('the case lists show each case’s unread messages; the officer keeps a file to the committee with a reason', async () => {
    const c = await createTeamCase(db(), k);
    const { reference } = await db()
      .selectFrom('cases')
      .select('reference')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    // The applicant shares a bank slip with everyone and writes twice.
    const boundary = '----accordlistunread';
    const uploaded = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/documents`,
      headers: {
        ...c.as.applicant,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bank-slip.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        invoice,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    for (const [body, documentIds] of [
      ['The bank slip of our deposit is attached.', [uploaded.json().id as string]],
      ['The account number on it is our company’s.', []],
    ] as const) {
      const r = await server.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/messages`,
        headers: c.as.applicant,
        payload: { visibility: 'everyone', language: 'en', body, documentIds },
      });
      expect(r.statusCode, r.body).toBe(201);
    }

    // The officer's queue, in Chinese: two unread messages beside the case's reference.
    const o = await openSignedInPage(
      browser,
      server,
      await requireMemberEmail(db(), k.orgId, 'officer'),
      { locale: 'zh-CN', viewport: 'desktop' },
    );
    await o.page.goto(`${server.url}/officer`);
    // antd's radio buttons hide the input under their label: the label is what a user clicks.
    await o.page
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: t('zh-CN', 'queue.tab.in_mediation') })
      .click();
    const row = o.page
      .locator('tr')
      .filter({ has: o.page.getByRole('link', { name: reference, exact: true }) });
    const badge = row
      .locator('.case-unread')
      .filter({ hasText: t('zh-CN', 'conversation.unread', { count: 2 }) });
    await badge.waitFor();
    expect(await badge.locator('.conversation-badge').textContent()).toBe('2');
    await settled(o.page, o.problems);
    expect(await seriousAxeViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'zh-CN-desktop-officer-queue-unread');

    // In the case, the officer keeps the slip to the committee, with a reason.
    await row.getByRole('link', { name: reference, exact: true }).click();
    const evidence = o.page.locator('section[aria-labelledby="staff-evidence-title"]');
    const slip = evidence.locator('li').filter({ hasText: 'bank-slip.pdf' });
    await slip.getByText(t('zh-CN', 'conversation.evidence.visibility.all')).waitFor();
    await slip.getByRole('button', { name: t('zh-CN', 'conversation.evidence.change') }).click();
    await slip.locator('.ant-select').click();
    await o.page
      .locator('.ant-select-item-option')
      .filter({ hasText: t('zh-CN', 'conversation.evidence.visibility.committee') })
      .click();
    await slip
      .getByLabel(t('zh-CN', 'conversation.evidence.reason'))
      .fill('含银行账号，仅限委员会。');
    await slip.getByRole('button', { name: t('zh-CN', 'conversation.evidence.save') }).click();
    // The select already shows the new level before the save lands: wait for the editor to close
    // (the change button is back) and for the row to be written, not for the text.
    await slip.getByRole('button', { name: t('zh-CN', 'conversation.evidence.change') }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('documents')
              .select('visibility')
              .where('case_id', '=', c.id)
              .where('filename', '=', 'bank-slip.pdf')
              .executeTakeFirstOrThrow()
          ).visibility,
      )
      .toBe('committee');
    await slip.getByText(t('zh-CN', 'conversation.evidence.visibility.committee')).waitFor();
    await settled(o.page, o.problems);
    await slip.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(o.page, 'zh-CN-desktop-officer-evidence-committee');
    const partyView = await server.app.inject({
      url: `/api/v1/cases/${c.id}/documents`,
      headers: c.as.applicant,
    });
    expect(partyView.body).not.toContain('bank-slip.pdf');
    const audit = await db()
      .selectFrom('audit_events')
      .select('summary_json')
      .where('action', '=', 'document.visibility')
      .where('entity_id', '=', uploaded.json().id as string)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary_json)).toMatchObject({
      after: { visibility: 'committee' },
      reason: '含银行账号，仅限委员会。',
    });
    expect(o.problems).toEqual([]);
    await o.context.close();

    // The mediator's own cases on an Arabic phone: the same two unread, in Arabic digits.
    const m = await openSignedInPage(
      browser,
      server,
      await requireMediatorEmail(db(), k.mediatorId),
      { locale: 'ar-EG', viewport: 'phone' },
    );
    await m.page.goto(`${server.url}/my-cases`);
    const mediatorRow = m.page
      .locator('tr')
      .filter({ has: m.page.getByRole('link', { name: reference, exact: true }) });
    const mediatorBadge = mediatorRow
      .locator('.case-unread')
      .filter({ hasText: t('ar', 'conversation.unread', { count: 2 }) });
    await mediatorBadge.waitFor();
    expect(await mediatorBadge.locator('.conversation-badge').textContent()).toBe(
      new Intl.NumberFormat('ar').format(2),
    );
    await settled(m.page, m.problems);
    expect(await m.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousAxeViolations(m.page)).toEqual([]);
    await screenshot(m.page, 'ar-phone-mediator-my-cases-unread');
    expect(m.problems).toEqual([]);
    await m.context.close();
  }, 300_000);
});
