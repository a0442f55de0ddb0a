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
import { requireMediatorEmail, requireMemberEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
let c: TeamCase;
let reference: string;
const db = () => server.database.db;

/** A date `days` from today (UTC), as the date inputs take it. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The travel the mediator records: in ten to twelve days, when the officer then books anyway. */
const travel = { startsOn: dayFromNow(10), endsOn: dayFromNow(12) };

const emailOfMediator = (id: string) => requireMediatorEmail(db(), id);

const emailOfOfficer = () => requireMemberEmail(db(), k.orgId, 'officer');

/** The mediator's stored availability, read back through the API as the mediator. */
async function storedAvailability(as: Headers) {
  const r = await server.app.inject({
    method: 'GET',
    url: `/api/v1/mediators/${k.mediatorId}/availability?from=${dayFromNow(0)}&to=${dayFromNow(60)}`,
    headers: as,
  });
  expect(r.statusCode).toBe(200);
  return r.json() as {
    weekly: { weekday: number; start: string; end: string }[];
    exceptions: { id: string; kind: string; startsOn: string; endsOn: string; note: string }[];
  };
}

async function expectNoSidewaysScroll(page: Page, viewport: keyof typeof viewports) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(viewports[viewport].width);
}

beforeAll(async () => {
  await ensureWebBuild();
  // The demo committee's history (a minute to seed) only gives the screenshot's charts bars.
  server = await startWebServer({ history: process.env.ACCORD_SCREENSHOTS === '1' });
  browser = await launchBrowser();
  k = await createCommittee(db());
  c = await createTeamCase(db(), k, { status: 'accepted' });
  reference = (
    await db()
      .selectFrom('cases')
      .select('reference')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow()
  ).reference;
  // One session already on the mediator's calendar, next week.
  await callApi(server, 'POST', `/api/v1/cases/${c.id}/sessions`, k.as.officer, {
    version: await caseVersion(db(), c.id),
    startsAt: `${dayFromNow(7)}T10:00`,
    timeZone: 'Asia/Shanghai',
    durationMinutes: 90,
    mode: 'in_person',
    room: 'Docking centre, room 1',
    overrideAvailability: true,
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the mediator's calendar", () => {
  it('a mediator, in Arabic on a phone, sees the coming session, sets weekly hours and travel, and subscribes to the calendar feed', async () => {
    const email = await emailOfMediator(k.mediatorId);
    const { context, page, problems } = await openSignedInPage(browser, server, email, {
      locale: 'ar-EG',
      viewport: 'phone',
    });
    await page.goto(server.url + '/cases/' + c.id);
    await waitUntilSettled(page);
    await page.getByRole('link', { name: 'تقويمي' }).click();
    await page.getByRole('heading', { level: 1, name: 'تقويمي' }).waitFor();
    await waitUntilSettled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // The session scheduled next week, with its case.
    const upcoming = page.getByTestId('upcoming-sessions');
    await upcoming.getByText('Docking centre, room 1').waitFor();
    await upcoming.getByRole('link', { name: reference }).waitFor();
    expect(await upcoming.locator('li').count()).toBe(1);

    // No weekly hours yet: on call every day. Two stretches of hours.
    await page.getByText('لم تُحفظ ساعات أسبوعية').waitFor();
    await page.getByRole('button', { name: 'إضافة ساعات' }).click();
    await page.getByRole('button', { name: 'إضافة ساعات' }).click();
    await page.locator('#weekly-day-0').selectOption('1');
    await page.locator('#weekly-start-0').fill('09:00');
    await page.locator('#weekly-end-0').fill('12:00');
    await page.locator('#weekly-day-1').selectOption('3');
    await page.locator('#weekly-start-1').fill('14:00');
    await page.locator('#weekly-end-1').fill('18:00');
    // A line ending before it starts is refused in place.
    await page.locator('#weekly-end-1').fill('13:00');
    await page.getByRole('button', { name: 'حفظ الساعات الأسبوعية' }).click();
    await page.getByRole('alert').filter({ hasText: 'يجب أن يسبق وقت البداية' }).waitFor();
    await page.locator('#weekly-end-1').fill('18:00');
    await page.getByRole('button', { name: 'حفظ الساعات الأسبوعية' }).click();
    await page.getByText('حُفظت ساعاتك الأسبوعية.').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'ar-phone-mediator-calendar');
    expect((await storedAvailability(k.as.mediator)).weekly).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 3, start: '14:00', end: '18:00' },
    ]);

    // Travel for three days.
    await page.locator('#exception-kind').selectOption('travel');
    await page.locator('#exception-start').fill(travel.startsOn);
    await page.locator('#exception-end').fill(travel.endsOn);
    await page.locator('#exception-note').fill('معرض كانتون');
    await page.getByRole('button', { name: 'تسجيل هذه الأيام' }).click();
    const exceptions = page.getByTestId('availability-exceptions');
    await exceptions.getByText('معرض كانتون').waitFor();
    await exceptions.getByText('سفر', { exact: true }).waitFor();
    const stored = await storedAvailability(k.as.mediator);
    expect(stored.exceptions).toMatchObject([{ kind: 'travel', ...travel, note: 'معرض كانتون' }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page, 'phone');
    await exceptions.scrollIntoViewIfNeeded();
    await screenshot(page, 'ar-phone-mediator-calendar-leave');

    // The calendar feed: its link is shown once and serves the sessions as iCalendar.
    await page.getByRole('button', { name: 'إنشاء رابط تقويمي' }).click();
    const feedUrl = await page.locator('#calendar-feed-url').inputValue();
    expect(feedUrl).toMatch(/\/api\/v1\/calendar\/[^/]+\.ics$/);
    await page.getByRole('button', { name: 'إيقاف رابط تقويمي' }).scrollIntoViewIfNeeded();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'ar-phone-mediator-calendar-feed');
    const ics = await fetch(server.url + new URL(feedUrl).pathname);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('BEGIN:VEVENT');

    // Stopping the feed: the link no longer answers.
    await page.getByRole('button', { name: 'إيقاف رابط تقويمي' }).click();
    await page.getByText('لم يعد رابط تقويمك يعمل.').waitFor();
    expect((await fetch(server.url + new URL(feedUrl).pathname)).status).toBe(404);

    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('an officer schedules over the travelling mediator, sees who is unavailable, books anyway and moves the session', async () => {
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await emailOfOfficer(),
      { locale: 'en-GB', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/cases/${c.id}`);
    await waitUntilSettled(page);

    // During the mediator's travel: refused, naming them, with the way out.
    await page.locator('#session-start').fill(`${dayFromNow(11)}T10:00`);
    await page.locator('#session-room').fill('Docking centre, room 3');
    await page.getByRole('button', { name: 'Schedule session' }).click();
    const refusal = page.getByTestId('mediator-unavailable');
    await refusal.getByText('Not available at that time: Omar Mediator.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, 'en-desktop-book-anyway');
    const sessionsBefore = await db()
      .selectFrom('mediation_sessions')
      .select('id')
      .where('case_id', '=', c.id)
      .execute();
    expect(sessionsBefore).toHaveLength(1);

    await refusal.getByRole('button', { name: 'Book anyway' }).click();
    await page
      .getByTestId('booked-despite')
      .getByText('Booked although this team member is not available then: Omar Mediator.')
      .waitFor();
    const booked = page.locator('.panel').filter({ hasText: 'Docking centre, room 3' });
    await booked.filter({ hasText: 'Scheduled' }).waitFor();
    const row = await db()
      .selectFrom('mediation_sessions')
      .select(['id', 'status'])
      .where('case_id', '=', c.id)
      .where('room', '=', 'Docking centre, room 3')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('scheduled');

    // Moving it to a Sunday evening, outside the mediator's weekly hours, asks again.
    const sunday = new Date(Date.now() + 14 * 86_400_000);
    sunday.setUTCDate(sunday.getUTCDate() + ((7 - sunday.getUTCDay()) % 7));
    const newStart = `${sunday.toISOString().slice(0, 10)}T19:00`;
    await booked.getByRole('button', { name: 'Change the time' }).click();
    await page.getByTestId('move-session').locator('input').fill(newStart);
    await page.getByRole('button', { name: 'Move the session' }).click();
    await page
      .getByTestId('move-session')
      .getByTestId('mediator-unavailable')
      .getByRole('button', { name: 'Book anyway' })
      .click();
    await page.getByTestId('booked-despite').waitFor();
    await page.getByTestId('move-session').waitFor({ state: 'detached' });
    const moved = await db()
      .selectFrom('mediation_sessions')
      .select(['starts_at'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    // 19:00 in Shanghai is 11:00 UTC.
    expect(moved.starts_at.slice(0, 16)).toBe(`${sunday.toISOString().slice(0, 10)}T11:00`);

    // The browser logs the two refusals (409) the officer was meant to get; nothing else.
    expect(problems).toEqual(
      Array(2).fill(
        'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
      ),
    );
    await context.close();
  }, 180_000);

  it('a director reads the Arabic dashboard: legends show colour keys to the right of the names, first series first', async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: 'ar',
      viewport: 'desktop',
    });
    // Charts drawn at once, not mid-animation, for the measurements and the screenshot.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const r = await context.request.post(server.url + '/api/v1/auth/login', {
      data: { email: 'director@demo.example', password: 'accord-demo' },
    });
    expect(r.status()).toBe(200);
    await context.addInitScript(() => localStorage.setItem('accord.signedIn', '1'));
    await page.goto(server.url + '/director');
    await waitUntilSettled(page);
    const chart = page.locator('.chart').first();
    await chart.locator('svg text', { hasText: 'القضايا المقبولة' }).waitFor();
    const legend = await chart.evaluate((el) => {
      const box = (e: Element) => e.getBoundingClientRect();
      const textOf = (label: string) =>
        Array.from(el.querySelectorAll('svg text')).find((t) => t.textContent === label)!;
      // The colour key: the shape in the series colour on the text's line, nearest to it.
      const keyOf = (text: Element, colour: string) => {
        const t = box(text);
        const keys = Array.from(el.querySelectorAll(`svg path[fill="${colour}"]`))
          .map(box)
          .filter((b) => b.top < t.bottom && b.bottom > t.top && b.height < 30);
        return keys.sort(
          (a, b) =>
            Math.abs(a.left + a.width / 2 - (t.left + t.width / 2)) -
            Math.abs(b.left + b.width / 2 - (t.left + t.width / 2)),
        )[0];
      };
      const accepted = textOf('القضايا المقبولة');
      const succeeded = textOf('وساطات ناجحة');
      return {
        accepted: { text: box(accepted).toJSON(), key: keyOf(accepted, '#0b5cad')?.toJSON() },
        succeeded: { text: box(succeeded).toJSON() },
      };
    });
    type Box = { left: number; right: number; top: number };
    const { accepted, succeeded } = legend as {
      accepted: { text: Box; key?: Box };
      succeeded: { text: Box };
    };
    expect(accepted.key, 'a colour key beside the name').toBeDefined();
    expect(accepted.key!.left).toBeGreaterThanOrEqual(accepted.text.right);
    // Reading right to left and top to bottom, the first series comes first.
    const sameLine = Math.abs(accepted.text.top - succeeded.text.top) < 4;
    expect(
      sameLine ? accepted.text.left > succeeded.text.right : accepted.text.top < succeeded.text.top,
    ).toBe(true);
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'ar-desktop-director-charts');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
