// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
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
  viewports,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';
import { requireUserEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
const db = () => server.database.db;

/** The strings a reader sees, straight from the catalogues the app ships (core, party, staff). */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['party', 'party-steps', 'staff']);
}
const catalogues = { fa: catalogue('fa'), 'zh-CN': catalogue('zh-CN'), ar: catalogue('ar') };
/** A string of the app; a key the app lacks fails here rather than matching nothing. */
function msg(locale: keyof typeof catalogues, key: string, values: Record<string, string> = {}) {
  const m = catalogues[locale][key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return m.replace(/\{(\w+)\}/g, (_, v: string) => values[v] ?? `{${v}}`);
}
const fa = (key: string, values?: Record<string, string>) => msg('fa', key, values);
const before = (message: string) => message.split('{')[0]!.trim();

const emailOf = (userId: string) => requireUserEmail(db(), userId);

async function openPartyCase(userId: string, caseId: string) {
  const opened = await openSignedInPage(browser, server, await emailOf(userId), {
    locale: 'fa-IR',
    viewport: 'phone',
  });
  await opened.page.goto(`${server.url}/cases/${caseId}`);
  await opened.page.locator('.party-next').waitFor();
  await waitUntilSettled(opened.page);
  return opened;
}

async function officerEmail() {
  const r = await db()
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.org_id', '=', k.orgId)
    .where('memberships.role', '=', 'officer')
    .executeTakeFirstOrThrow();
  return r.email;
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

describe('the party’s own steps (Persian, phone)', () => {
  it('appeals a rejection once, with a reason, and then reads where the appeal stands', async () => {
    const c = await createTeamCase(db(), k, { status: 'rejected' });
    const { context, page, problems } = await openPartyCase(c.applicantUserId, c.id);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The next steps say the appeal is open.
    await page
      .locator('.party-next li')
      .filter({ hasText: fa('partySteps.next.appeal') })
      .waitFor();
    const panel = page.locator('section[aria-labelledby="appeal-title"]');
    await panel.getByRole('heading', { level: 2, name: fa('partySteps.appeal.heading') }).waitFor();
    await panel.getByRole('button', { name: fa('partySteps.appeal.open') }).click();
    await panel.getByText(fa('partySteps.appeal.explain')).waitFor();
    const confirm = panel.getByRole('button', { name: fa('partySteps.appeal.confirm') });
    await confirm.click();
    await panel
      .getByRole('alert')
      .filter({ hasText: fa('partySteps.reasonRequired') })
      .waitFor();
    expect(
      await db()
        .selectFrom('case_rejection_appeals')
        .select('id')
        .where('case_id', '=', c.id)
        .execute(),
    ).toEqual([]);

    const reason = 'فاکتور خرید را اکنون دارم و پیوست کرده‌ام.';
    await panel.getByLabel(fa('partySteps.appeal.reason')).fill(reason);
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    await page.locator('#appeal-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'fa-phone-party-appeal');

    await confirm.click();
    // The case reloads: the step is gone and the appeal's status takes its place.
    const status = panel.getByTestId('appeal-status');
    await status.filter({ hasText: before(fa('partySteps.appeal.pending')) }).waitFor();
    expect(await panel.getByRole('button', { name: fa('partySteps.appeal.open') }).count()).toBe(0);
    expect(
      await page
        .locator('.party-next li')
        .filter({ hasText: fa('partySteps.next.appeal') })
        .count(),
    ).toBe(0);
    const appeal = await db()
      .selectFrom('case_rejection_appeals')
      .select(['reason'])
      .where('case_id', '=', c.id)
      .execute();
    expect(appeal).toEqual([{ reason }]);
    await waitUntilSettled(page);
    await page.locator('#appeal-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'fa-phone-party-appealed');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('objects to one team member, with a reason, and then reads what happens next', async () => {
    const c = await createTeamCase(db(), k, { status: 'in_mediation' });
    const { context, page, problems } = await openPartyCase(c.respondentUserId, c.id);
    const panel = page.locator('section[aria-labelledby="objection-title"]');
    await panel
      .getByRole('heading', { level: 2, name: fa('partySteps.objection.heading') })
      .waitFor();
    // One step per member of the team.
    await panel
      .getByRole('button', { name: fa('partySteps.object.open', { name: 'Omar Mediator' }) })
      .waitFor();
    await panel
      .getByRole('button', { name: fa('partySteps.object.open', { name: '李律师' }) })
      .click();
    const form = panel.getByRole('group', {
      name: fa('partySteps.object.title', { name: '李律师' }),
    });
    await form.getByText(fa('partySteps.object.explain', { name: '李律师' })).waitFor();
    const reason = 'این وکیل پیش‌تر وکیل طرف مقابل بوده است.';
    await form.getByLabel(fa('partySteps.object.reason', { name: '李律师' })).fill(reason);
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    await page.locator('#objection-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'fa-phone-party-objection');

    await form.getByRole('button', { name: fa('partySteps.object.confirm') }).click();
    await panel
      .getByTestId('objection-status')
      .filter({ hasText: '李律师' })
      .filter({ hasText: before(fa('partySteps.objection.pending')) })
      .waitFor();
    expect(await panel.getByRole('button').count()).toBe(0);
    const objections = await db()
      .selectFrom('team_objections')
      .select(['mediator_id', 'reason'])
      .where('case_id', '=', c.id)
      .execute();
    expect(objections).toEqual([{ mediator_id: k.lawyerId, reason }]);
    await waitUntilSettled(page);
    await page.locator('#objection-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'fa-phone-party-objected');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('the status wording (Arabic phone)', () => {
  it('says the team is formed once it is, although the case is still accepted', async () => {
    const c = await createTeamCase(db(), k, { status: 'accepted' });
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await officerEmail(),
      { locale: 'ar', viewport: 'phone' },
    );
    await page.goto(`${server.url}/cases/${c.id}`);
    const timeline = page.getByRole('navigation', { name: msg('ar', 'case.timeline') });
    await timeline.getByText(msg('ar', 'status.accepted.teamFormed.explain')).waitFor();
    expect(await timeline.getByText(msg('ar', 'status.accepted.explain')).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the officer’s session form (Chinese)', () => {
  it('says a past time has passed before sending anything, and books nothing', async () => {
    const c = await createTeamCase(db(), k, { status: 'in_mediation' });
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await officerEmail(),
      { locale: 'zh-CN', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.locator('#session-start').waitFor();
    await waitUntilSettled(page);
    const inPast = msg('zh-CN', 'partySteps.sessions.inPast');
    await page.locator('#session-start').fill('2026-01-05T10:00');
    await page.locator('#session-room').fill('调解室 2');
    // Said as soon as the time is picked.
    await page.locator('#session-start-past').filter({ hasText: inPast }).waitFor();
    await page.getByRole('button', { name: msg('zh-CN', 'sessions.scheduleButton') }).click();
    // Nothing is sent: the officer is taken back to the time.
    await page.waitForFunction(() => document.activeElement?.id === 'session-start');
    expect(await page.getByRole('alert').filter({ hasText: inPast }).count()).toBe(1);
    expect(
      await db()
        .selectFrom('mediation_sessions')
        .select('id')
        .where('case_id', '=', c.id)
        .execute(),
    ).toEqual([]);
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#session-start').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'zh-desktop-session-past-time');

    // A meeting held earlier today is entered as held instead, with no invitation sent.
    const wallClock = () =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date());
    const minuteOfDay = (w: string) => Number(w.slice(11, 13)) * 60 + Number(w.slice(14, 16));
    // In the first two minutes of the committee's day no earlier minute of today has passed yet.
    if (minuteOfDay(wallClock()) < 2) await page.waitForTimeout(120_000);
    const today = wallClock();
    const earlier = Math.max(0, minuteOfDay(today) - 60);
    const hhmm = `${String(Math.floor(earlier / 60)).padStart(2, '0')}:${String(earlier % 60).padStart(2, '0')}`;
    await page.locator('#session-start').fill(`${today.slice(0, 10)}T${hhmm}`);
    await page
      .locator('#session-start-past')
      .getByRole('button', { name: msg('zh-CN', 'partySteps.sessions.heldToday') })
      .click();
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('mediation_sessions')
              .select('id')
              .where('case_id', '=', c.id)
              .execute()
          ).length,
      )
      .toBe(1);
    const invitations = (await db().selectFrom('outbox').select('payload_json').execute()).filter(
      (o) => o.payload_json.includes(c.id) && o.payload_json.includes('session.scheduled'),
    );
    expect(invitations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
