// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseVersion,
  createCommittee,
  createTeamCase,
  seedFxRates,
  type Committee,
  type Headers,
  type TeamCase,
} from '../support/agreement-factories.js';
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
import { requireMediatorEmail, requireMemberEmail } from '../support/require-user-email.js';
import { backdateSession } from '../support/backdate-session.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
let c: TeamCase;
const db = () => server.database.db;

const call = (url: string, as: Headers, body: object = {}) =>
  callApi(server, 'POST', url, as, body);
const versioned = async (body: object = {}) => ({
  version: await caseVersion(db(), c.id),
  ...body,
});

const emailOfMediator = (id: string) => requireMediatorEmail(db(), id);

const emailOfMember = (role: string, courtId?: string) =>
  requireMemberEmail(db(), k.orgId, role, courtId);

const signedIn = (email: string, locale: string, viewport: keyof typeof viewports) =>
  openSignedInPage(browser, server, email, { locale, viewport });

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  // Sealing fixes the agreement's CNY value at the day's rate.
  await seedFxRates(db());
  c = await createTeamCase(db(), k, { status: 'accepted' });
  // Booked for tomorrow (a past start is refused), then held yesterday at 10:00 in Yiwu.
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const booked = await call(
    `/api/v1/cases/${c.id}/sessions`,
    k.as.officer,
    await versioned({
      startsAt: `${day}T10:00`,
      timeZone: 'Asia/Shanghai',
      durationMinutes: 90,
      mode: 'in_person',
      room: 'Docking centre, room 1',
      overrideAvailability: true,
    }),
  );
  await backdateSession(db(), booked.sessionId as string, `${yesterday}T02:00:00.000Z`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the mediator and the court liaison at work', () => {
  it('a mediator records the session with the interpreter present and drafts, freezes and signs the agreement', async () => {
    const m = await signedIn(await emailOfMediator(k.mediatorId), 'en-GB', 'desktop');
    await m.page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(m.page);
    await m.page.getByRole('button', { name: 'Enter the record' }).click();
    const form = m.page.getByTestId('session-record-form');
    await form
      .getByRole('textbox', { name: 'Minutes' })
      .fill('Both sides agreed the seller refunds the cracked cases.');
    await form.getByText('The interpreter was present throughout').click();
    // Everyone is ticked at first; taking one off and back on again keeps them.
    const attendees = form.getByRole('group', { name: 'Who attended' }).getByRole('checkbox');
    const attendeeCount = await attendees.count();
    expect(attendeeCount).toBeGreaterThan(1);
    await attendees.first().uncheck();
    await attendees.first().check();
    for (let i = 0; i < attendeeCount; i++) expect(await attendees.nth(i).isChecked()).toBe(true);
    expect(await seriousAxeViolations(m.page)).toEqual([]);
    await screenshot(m.page, 'en-desktop-session-record');
    await form.getByRole('button', { name: 'Save the record' }).click();
    await m.page.getByText('Interpreter present', { exact: true }).waitFor();
    const session = await db()
      .selectFrom('mediation_sessions')
      .select(['status', 'interpreter_present'])
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(session).toEqual({ status: 'held', interpreter_present: 1 });

    // The first held session put the case into mediation: the drafting form appears, the
    // original (Chinese) beside the Arabic the applicant reads.
    const draft = m.page.getByTestId('agreement-draft-form');
    await draft.waitFor();
    const bilingual = async (label: string, zh: string, ar: string) => {
      await draft.getByRole('textbox', { name: `${label} (Chinese)`, exact: true }).fill(zh);
      await draft.getByRole('textbox', { name: `${label} (Arabic)`, exact: true }).fill(ar);
    };
    await bilingual(
      'Facts of the dispute',
      '5,000 个手机壳中有 1,200 个到货时破裂。',
      'وصل 1,200 من أصل 5,000 غطاء هاتف مكسورًا.',
    );
    await bilingual(
      'Matters in dispute',
      '破裂手机壳的损失由谁承担。',
      'من يتحمل خسارة الأغطية المكسورة.',
    );
    await bilingual("Each party's responsibility", '卖方包装不当。', 'أساء البائع تعبئة البضاعة.');
    await bilingual(
      'Term 1',
      '卖方向买方退款 12,000 美元。',
      'يرد البائع 12,000 دولار أمريكي إلى المشتري.',
    );
    await draft.getByRole('button', { name: 'Add a term' }).click();
    await bilingual(
      'Term 2',
      '买方退回破裂的手机壳，费用由卖方承担。',
      'يعيد المشتري الأغطية المكسورة على نفقة البائع.',
    );
    await bilingual(
      'How and by when it is performed',
      '30 日内银行转账。',
      'بتحويل مصرفي خلال 30 يومًا.',
    );
    await draft.getByRole('textbox', { name: 'Amount', exact: true }).fill('12000.00');
    await draft.getByRole('textbox', { name: 'Currency' }).fill('USD');
    const instalments = await draft
      .getByRole('textbox', { name: /Due date of instalment/ })
      .count();
    if (instalments === 0) await draft.getByRole('button', { name: 'Add an instalment' }).click();
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await draft.getByLabel('Due date of instalment 1').fill(due);
    await draft.getByRole('textbox', { name: 'Amount of instalment 1' }).fill('12000.00');
    await draft.getByTestId('draft-checklist').getByText('Arabic: complete').waitFor();
    expect(await seriousAxeViolations(m.page)).toEqual([]);
    await screenshot(m.page, 'en-desktop-agreement-draft');
    await draft.getByRole('button', { name: 'Save the draft' }).click();
    const freeze = m.page.getByRole('button', { name: 'Freeze the text for signature' });
    await freeze.or(m.page.getByRole('alert')).first().waitFor();
    expect(await m.page.getByRole('alert').allInnerTexts()).toEqual([]);
    await freeze.click();
    // Freezing says what it binds before it happens.
    const dialog = m.page.getByRole('dialog', { name: 'Freeze the text for signature?' });
    await dialog.getByText('in 2 languages (Chinese and Arabic)', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Freeze the text' }).click();
    await m.page.getByRole('button', { name: 'Sign as mediator' }).click();
    await m.page.getByText('Mediator: signed').waitFor();
    const agreement = await db()
      .selectFrom('agreements')
      .select(['id', 'status', 'content_json'])
      .where('case_id', '=', c.id)
      .where('status', '!=', 'superseded')
      .executeTakeFirstOrThrow();
    expect(agreement.status).toBe('final');
    expect(
      (
        JSON.parse(agreement.content_json) as {
          points: { text: { lang: string; text: string; translations: { ar: string } } }[];
        }
      ).points.map((p) => [p.text.lang, p.text.text, p.text.translations.ar]),
    ).toEqual([
      ['zh', '卖方向买方退款 12,000 美元。', 'يرد البائع 12,000 دولار أمريكي إلى المشتري.'],
      [
        'zh',
        '买方退回破裂的手机壳，费用由卖方承担。',
        'يعيد المشتري الأغطية المكسورة على نفقة البائع.',
      ],
    ]);
    expect(m.problems).toEqual([]);
    await m.context.close();

    // Both parties confirm each point and sign (their own screens are tested elsewhere).
    const base = `/api/v1/cases/${c.id}/agreements/${agreement.id}`;
    for (const [partyId, as] of [
      [c.applicantPartyId, c.as.applicant],
      [c.respondentPartyId, c.as.respondent],
    ] as const) {
      for (const pointNo of [1, 2])
        await call(`${base}/confirmations`, as, await versioned({ partyId, pointNo }));
      await call(`${base}/signatures`, as, await versioned({ signer: 'party', partyId }));
    }

    // The officer applies the seal from the case page.
    const o = await signedIn(await emailOfMember('officer'), 'en-GB', 'desktop');
    await o.page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(o.page);
    await o.page.getByRole('button', { name: 'Apply the committee seal' }).click();
    const inEffect = o.page.getByText('In effect', { exact: true });
    await inEffect.or(o.page.getByRole('alert')).first().waitFor();
    expect(await o.page.getByRole('alert').allInnerTexts()).toEqual([]);
    const sealed = await db()
      .selectFrom('cases')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(sealed.status).toBe('agreed');
    expect(o.problems).toEqual([]);
    await o.context.close();
  }, 240_000);

  it('the court liaison accepts the confirmation application with its 调确字 number and records it confirmed', async () => {
    await call(
      `/api/v1/cases/${c.id}/confirmation-filings`,
      // The officer files the parties' joint application on their behalf.
      k.as.officer,
      await versioned({
        courtId: k.seatCourtId,
        applicantPartyIds: [c.applicantPartyId, c.respondentPartyId],
        applicationDate: new Date().toISOString().slice(0, 10),
      }),
    );
    const liaisonEmail = await emailOfMember('court_liaison', k.seatCourtId);

    // Right to left on a phone first: the docket must fit and read right to left.
    const ar = await signedIn(liaisonEmail, 'ar-EG', 'phone');
    await ar.page.goto(`${server.url}/court`);
    await waitUntilSettled(ar.page);
    await ar.page.getByRole('heading', { level: 1, name: 'قضايا المحكمة' }).waitFor();
    const [dir, width] = await ar.page.evaluate(() => [
      document.documentElement.dir,
      document.documentElement.scrollWidth,
    ]);
    expect(dir).toBe('rtl');
    expect(width).toBeLessThanOrEqual(viewports.phone.width);
    expect(await seriousAxeViolations(ar.page)).toEqual([]);
    await screenshot(ar.page, 'ar-phone-court-docket');
    expect(ar.problems).toEqual([]);
    await ar.context.close();

    const zh = await signedIn(liaisonEmail, 'zh-CN', 'desktop');
    await zh.page.goto(`${server.url}/court`);
    await waitUntilSettled(zh.page);
    await zh.page.getByLabel('案号（调确字）').fill('（2026）浙0782民特123号');
    await screenshot(zh.page, 'zh-desktop-court-docket');
    await zh.page.getByRole('button', { name: '登记受理' }).click();
    await zh.page.getByText('暂无内容。').waitFor();
    const view = (name: string) =>
      zh.page.locator('label.ant-radio-button-wrapper').filter({ hasText: name }).click();
    await view('已受理');
    await zh.page.getByRole('combobox', { name: '结果' }).click();
    await zh.page.getByTitle('确认有效').click();
    await zh.page.getByRole('button', { name: '登记结果' }).click();
    // A result is recorded only once the liaison confirms what will be recorded.
    const confirm = zh.page.getByRole('dialog').filter({ hasText: '登记此结果？' });
    await confirm.getByText('确认有效', { exact: true }).waitFor();
    await confirm.getByRole('button', { name: '登记结果' }).click();
    await zh.page.getByText('暂无内容。').waitFor();
    await view('全部');
    await zh.page.getByText('已确认', { exact: true }).waitFor();
    const filing = await db()
      .selectFrom('court_filings')
      .select(['status', 'court_case_number', 'result'])
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(filing).toEqual({
      status: 'confirmed',
      court_case_number: '（2026）浙0782民特123号',
      result: 'confirmed',
    });
    expect(await seriousAxeViolations(zh.page)).toEqual([]);
    expect(zh.problems).toEqual([]);
    await zh.context.close();
  }, 240_000);
});
