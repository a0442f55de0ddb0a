// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommittee, type Committee, type Headers } from '../support/agreement-factories.js';
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
import { requireMediatorEmail, requireMemberEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
const db = () => server.database.db;

/** A date `days` from today (UTC), as the date inputs take it. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const leave = { startsOn: dayFromNow(5), endsOn: dayFromNow(6) };
const travel = { startsOn: dayFromNow(20), endsOn: dayFromNow(22) };

/** The staff strings the app ships (core + calendar area), for the Arabic run. */
function catalogue(locale: string): Record<string, string> {
  return appMessages(locale, ['calendar']);
}
const arabic = catalogue('ar');
/** An Arabic string of the app with {name} filled in; a key the app lacks fails here. */
function ar(key: string, name = ''): string {
  const m = arabic[key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return m.replace('{name}', name);
}

const emailOfRole = (role: 'director') => requireMemberEmail(db(), k.orgId, role);

const emailOfMediator = (id: string) => requireMediatorEmail(db(), id);

/** A mediator's stored availability, read back through the API. */
async function storedAvailability(mediatorId: string, as: Headers) {
  const r = await server.app.inject({
    method: 'GET',
    url: `/api/v1/mediators/${mediatorId}/availability?from=${dayFromNow(0)}&to=${dayFromNow(60)}`,
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
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the director edits a mediator's availability from the roster", () => {
  it("sets weekly hours and leave (English, desktop); the API and the mediator's own calendar show them", async () => {
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await emailOfRole('director'),
      { locale: 'en-GB', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/director/roster`);
    await waitUntilSettled(page);
    await page.getByRole('button', { name: 'Hours and leave of Omar Mediator' }).click();
    const drawer = page.getByTestId('director-availability');
    await drawer
      .getByText('No weekly hours saved: Omar Mediator counts as on call every day', {
        exact: false,
      })
      .waitFor();

    // Tuesday mornings only.
    await drawer.getByRole('button', { name: 'Add hours' }).click();
    await drawer.locator('#weekly-day-0').selectOption('2');
    await drawer.locator('#weekly-start-0').fill('08:30');
    await drawer.locator('#weekly-end-0').fill('12:30');
    await drawer.getByRole('button', { name: 'Save weekly hours' }).click();
    await drawer.getByText('The weekly hours of Omar Mediator are saved.').waitFor();

    // Leave, then travel that turns out not to happen and is removed again.
    await drawer.getByText('Days on which Omar Mediator cannot be booked').waitFor();
    for (const [kind, days, note] of [
      ['leave', leave, 'Family leave'],
      ['travel', travel, 'Canton Fair'],
    ] as const) {
      await drawer.locator('#exception-kind').selectOption(kind);
      await drawer.locator('#exception-start').fill(days.startsOn);
      await drawer.locator('#exception-end').fill(days.endsOn);
      await drawer.locator('#exception-note').fill(note);
      await drawer.getByRole('button', { name: 'Record these days' }).click();
      await drawer.getByTestId('availability-exceptions').getByText(note).waitFor();
    }
    const listed = drawer.getByTestId('availability-exceptions').locator('li');
    await listed.filter({ hasText: 'Canton Fair' }).getByRole('button').click();
    await listed.filter({ hasText: 'Canton Fair' }).waitFor({ state: 'detached' });
    expect(await listed.count()).toBe(1);

    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'en-desktop-director-availability');

    const expected = {
      weekly: [{ weekday: 2, start: '08:30', end: '12:30' }],
      exceptions: [{ kind: 'leave', ...leave, note: 'Family leave' }],
    };
    expect(await storedAvailability(k.mediatorId, k.as.director)).toMatchObject(expected);
    expect(await storedAvailability(k.mediatorId, k.as.mediator)).toMatchObject(expected);
    // The other mediators on the roster are untouched.
    expect((await storedAvailability(k.lawyerId, k.as.director)).weekly).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // The mediator's own calendar shows what the director set, in the same editors.
    const own = await openSignedInPage(browser, server, await emailOfMediator(k.mediatorId), {
      locale: 'en-GB',
      viewport: 'desktop',
    });
    await own.page.goto(`${server.url}/my-calendar`);
    await waitUntilSettled(own.page);
    expect(await own.page.locator('#weekly-day-0').inputValue()).toBe('2');
    expect(await own.page.locator('#weekly-start-0').inputValue()).toBe('08:30');
    expect(await own.page.locator('#weekly-end-0').inputValue()).toBe('12:30');
    expect(await own.page.locator('#weekly-day-1').count()).toBe(0);
    await own.page.getByTestId('availability-exceptions').getByText('Family leave').waitFor();
    // Their own page still speaks to them, not about them.
    await own.page.getByText('Days you cannot be booked').waitFor();
    expect(own.problems).toEqual([]);
    await own.context.close();
  }, 240_000);

  it('reads right to left and fits a 360 px phone in Arabic', async () => {
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await emailOfRole('director'),
      { locale: 'ar-EG', viewport: 'phone' },
    );
    await page.goto(`${server.url}/director/roster`);
    await waitUntilSettled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page
      .getByRole('button', { name: ar('calendar.director.openNamed', 'Omar Mediator') })
      .click();
    const drawer = page.getByTestId('director-availability');
    await drawer.getByText(ar('calendar.other.exceptions.addTitle', 'Omar Mediator')).waitFor();
    await drawer.locator('#weekly-day-0').waitFor();
    await waitUntilSettled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'ar-phone-director-availability');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
