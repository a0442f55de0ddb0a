// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseVersion,
  createCommittee,
  createTeamCase,
  type Committee,
  type Headers,
  type TeamCase,
} from '../support/agreement-factories.js';
import {
  requireMediatorEmail,
  requireMemberEmail,
  requireUserEmail,
} from '../support/require-user-email.js';
import { backdateSession } from '../support/backdate-session.js';
import {
  appMessages,
  callApi,
  ensureWebBuild,
  launchBrowser,
  openSignedInPage,
  screenshot,
  seriousAxeViolations,
  startWebServer,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';

/**
 * Issue 15 item 5 in the browser: a party reads the session record (笔录) in its own language
 * before confirming it, and asks for a translation where none exists; the team corrects a record
 * with a reason; the officer records why there was no interpreter.
 */
let server: WebServer;
let browser: Browser;
let k: Committee;

/** The strings a reader sees, from the catalogues the app ships (core, party, staff, session record). */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['party', 'staff', 'session-record']);
}
const messages = { ar: catalogue('ar'), zh: catalogue('zh-CN') };
function msg(locale: keyof typeof messages, key: string): string {
  const m = messages[locale][key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return m;
}
const before = (message: string) => message.split('{')[0]!.trim();

const db = () => server.database.db;
const call = (method: 'POST' | 'PUT', url: string, as: Headers, body: object = {}) =>
  callApi(server, method, url, as, body);
const versioned = async (caseId: string, body: object = {}) => ({
  version: await caseVersion(db(), caseId),
  ...body,
});

const minutesZh =
  '双方确认 1,200 个手机壳到货时破裂。卖方同意退还货款 12,000 美元，买方在收到退款后七日内退回破裂的手机壳。';
const minutesAr =
  'أكد الطرفان أن 1200 غطاء هاتف وصلت مكسورة. وافق البائع على رد 12,000 دولار أمريكي، ويعيد المشتري الأغطية المكسورة خلال سبعة أيام من استلام المبلغ.';

/** A held session of case `c`, recorded by the Chinese-speaking mediator in Chinese only. */
async function heldSession(c: TeamCase) {
  // Booked for tomorrow (a past start is refused), then held yesterday at 10:00 in Yiwu.
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const s = await call(
    'POST',
    `/api/v1/cases/${c.id}/sessions`,
    k.as.mediator,
    await versioned(c.id, {
      startsAt: `${day}T10:00`,
      timeZone: 'Asia/Shanghai',
      durationMinutes: 90,
      mode: 'in_person',
      room: 'Docking centre, room 2',
      overrideAvailability: true,
    }),
  );
  const sessionId = s.sessionId as string;
  await backdateSession(db(), sessionId, `${yesterday}T02:00:00.000Z`);
  await call(
    'POST',
    `/api/v1/cases/${c.id}/sessions/${sessionId}/record`,
    k.as.mediator,
    await versioned(c.id, {
      attendees: [
        { kind: 'party', id: c.applicantPartyId },
        { kind: 'party', id: c.respondentPartyId },
        { kind: 'mediator', id: k.mediatorId },
      ],
      interpreterPresent: true,
      minutes: { language: 'zh', text: minutesZh },
    }),
  );
  return sessionId;
}

async function scrollToTop(page: Page, selector: string) {
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

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

describe('the session record', () => {
  it('a party reads and confirms the minutes in Arabic, after asking for the translation (phone)', async () => {
    const c = await createTeamCase(db(), k);
    const sessionId = await heldSession(c);
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await requireUserEmail(db(), c.applicantUserId),
      { locale: 'ar-EG', viewport: 'phone' },
    );
    await page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // Only Chinese exists: no confirm button, a plain explanation and a request instead.
    const record = page.getByTestId(`session-record-${sessionId}`);
    const unreadable = record.getByTestId('record-unreadable');
    await unreadable.getByText(msg('ar', 'sessionRecord.unreadableTitle')).waitFor();
    expect(
      await record.getByRole('button', { name: msg('ar', 'party.sessions.confirmRecord') }).count(),
    ).toBe(0);
    await scrollToTop(page, `[data-testid="session-record-${sessionId}"]`);
    await screenshot(page, 'ar-phone-session-record-unreadable');
    await unreadable
      .getByRole('button', { name: before(msg('ar', 'sessionRecord.requestTranslation')) })
      .click();
    await unreadable.getByText(msg('ar', 'sessionRecord.requested')).waitFor();
    const asked = await db()
      .selectFrom('outbox')
      .select('payload_json')
      .where('idempotency_key', 'like', `case_event:translation.requested:%${sessionId}%`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(asked.payload_json).params).toMatchObject({
      subject: 'session_record',
      subjectId: sessionId,
      language: 'ar',
      partyId: c.applicantPartyId,
    });

    // The team adds the Arabic translation as a correction, with its reason.
    await call(
      'POST',
      `/api/v1/cases/${c.id}/sessions/${sessionId}/record/corrections`,
      k.as.mediator,
      await versioned(c.id, {
        reason: '应申请人请求补充阿拉伯语译文。',
        attendees: [
          { kind: 'party', id: c.applicantPartyId },
          { kind: 'party', id: c.respondentPartyId },
          { kind: 'mediator', id: k.mediatorId },
        ],
        interpreterPresent: true,
        minutes: { language: 'zh', text: minutesZh },
        translations: [{ language: 'ar', text: minutesAr }],
      }),
    );
    await page.reload();
    await waitUntilSettled(page);
    const minutes = record.getByTestId('record-minutes');
    await minutes.getByText(minutesAr).waitFor();
    expect(await minutes.getAttribute('lang')).toBe('ar');
    // The Chinese original on request, and the correction with its reason.
    await record
      .getByRole('button', { name: before(msg('ar', 'sessionRecord.showOriginal')) })
      .click();
    await record.getByTestId('record-original').getByText(minutesZh).waitFor();
    await record.locator('summary').click();
    await record.getByText('应申请人请求补充阿拉伯语译文。', { exact: false }).waitFor();
    await scrollToTop(page, `[data-testid="session-record-${sessionId}"]`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ar-phone-session-record');

    await record.getByRole('button', { name: msg('ar', 'party.sessions.confirmRecord') }).click();
    await record.getByText(msg('ar', 'party.sessions.recordConfirmed')).waitFor();
    const confirmation = await db()
      .selectFrom('session_record_confirmations')
      .select('record_version')
      .where('session_id', '=', sessionId)
      .where('attendee_id', '=', c.applicantPartyId)
      .executeTakeFirstOrThrow();
    expect(confirmation.record_version).toBe(2);
    // Nothing on the phone is wider than the screen (right-to-left included).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('the officer corrects a record in Chinese and records why there was no interpreter', async () => {
    const c = await createTeamCase(db(), k);
    const sessionId = await heldSession(c);
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await requireMemberEmail(db(), k.orgId, 'officer'),
      { locale: 'zh-CN', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(page);
    await page.getByRole('button', { name: msg('zh', 'sessionRecord.correct') }).click();
    const form = page.getByTestId('session-record-form');
    // Prefilled from the current version; the Arabic column is there for the applicant.
    expect(
      await form.getByRole('textbox', { name: msg('zh', 'record.minutes') }).inputValue(),
    ).toBe(minutesZh);
    await form
      .getByRole('textbox', { name: msg('zh', 'sessionRecord.reason') })
      .fill('翻译人员实际于会议中途离场，更正在场情况并补充阿拉伯语译文。');
    await form.getByText(msg('zh', 'record.interpreterPresent')).click();
    await form.getByRole('textbox', { name: /阿拉伯语/ }).fill(minutesAr);
    await scrollToTop(page, '[data-testid="session-record-form"]');
    await screenshot(page, 'zh-desktop-session-record-correction');
    await form.getByRole('button', { name: msg('zh', 'sessionRecord.saveCorrection') }).click();

    // The applicant reads Arabic and no attending mediator does: the officer gives the reason.
    const warning = form.getByTestId('interpreter-required');
    await warning.getByText('Ahmed Hassan', { exact: false }).waitFor();
    await warning
      .getByRole('textbox', { name: msg('zh', 'sessionRecord.absenceReason') })
      .fill('申请人同意由其随行的阿拉伯语翻译协助，并已签字确认。');
    await page
      .getByTestId('interpreter-required')
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'zh-desktop-session-record-interpreter');
    await form.getByRole('button', { name: msg('zh', 'sessionRecord.absenceSave') }).click();

    const view = page.getByTestId(`staff-record-${sessionId}`);
    await view.getByText('申请人同意由其随行的阿拉伯语翻译协助', { exact: false }).waitFor();
    const session = await db()
      .selectFrom('mediation_sessions')
      .select(['record_version', 'interpreter_present', 'record_json'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(session.record_version).toBe(2);
    expect(session.interpreter_present).toBe(0);
    expect(JSON.parse(session.record_json!).interpreterAbsence.reason).toContain('签字确认');
    // The browser logs the one refusal (409 INTERPRETER_REQUIRED) the officer was meant to get.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await context.close();
  }, 240_000);
  it('a team mediator who speaks Arabic records reading the minutes aloud; the party may then confirm', async () => {
    const c = await createTeamCase(db(), k);
    const sessionId = await heldSession(c);
    // The lead mediator also speaks Arabic (the roster index the API reads).
    await db()
      .insertInto('mediator_languages')
      .values({
        org_id: k.orgId,
        mediator_id: k.mediatorId,
        language: 'ar',
        family: 'sem',
        proficiency: 'fluent',
      })
      .execute();
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await requireMediatorEmail(db(), k.mediatorId),
      { locale: 'en-GB', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(page);
    const actions = page.getByTestId('sight-translation-actions');
    await actions.getByText('Ahmed Hassan cannot read this record yet', { exact: false }).waitFor();
    await actions
      .getByRole('button', { name: 'I read it aloud to Ahmed Hassan in Arabic' })
      .click();
    await actions.getByText('Recorded: you read the record aloud to Ahmed Hassan').waitFor();
    const attested = await db()
      .selectFrom('sight_translations')
      .select(['party_id', 'language', 'subject_version'])
      .where('subject_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(attested).toEqual({ party_id: c.applicantPartyId, language: 'ar', subject_version: 1 });
    const confirmed = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/sessions/${sessionId}/confirmations`,
      headers: c.as.applicant,
    });
    expect(confirmed.statusCode).toBe(201);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
