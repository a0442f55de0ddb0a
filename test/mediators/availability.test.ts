import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAvailableDays,
  isMediatorAvailableAt,
  listAvailableSlots,
  type MediatorAvailability,
} from '../../src/domain/availability/mediator-availability.js';
import { findUnavailableMediators } from '../../src/use-cases/mediators/check-mediator-availability.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';
import { bearerFor } from '../support/mediator-factories.js';

// The last Sunday of March 2026 is the 29th: Berlin moves from UTC+1 to UTC+2 at 01:00 UTC,
// Moscow stays at UTC+3 all year.
const weekdays9to17 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));
const av = (timeZone: string, extra: Partial<MediatorAvailability> = {}): MediatorAvailability => ({
  timeZone,
  weekly: weekdays9to17,
  exceptions: [],
  dutyDays: [],
  orgTimeZone: 'Asia/Shanghai',
  ...extra,
});

describe('availability in the mediator’s time zone (pure)', () => {
  it('moves Berlin slots by an hour across the DST switch and leaves Moscow alone', () => {
    const from = '2026-03-28T00:00:00.000Z';
    const to = '2026-03-31T00:00:00.000Z';
    const berlin = listAvailableSlots(av('Europe/Berlin'), from, to).map((s) => s.start);
    const moscow = listAvailableSlots(av('Europe/Moscow'), from, to).map((s) => s.start);
    expect(berlin).toEqual([
      '2026-03-28T08:00:00.000Z', // Saturday, CET
      '2026-03-29T07:00:00.000Z', // Sunday, the switch day: already CEST at 09:00
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(moscow).toEqual([
      '2026-03-28T06:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('answers whether a mediator is available at an instant, for a session length', () => {
    // 07:30 UTC on Monday 30 March: 09:30 in Berlin (CEST), 10:30 in Moscow.
    expect(isMediatorAvailableAt(av('Europe/Berlin'), '2026-03-30T07:30:00Z', 60)).toBe(true);
    // The same UTC time a week earlier is 08:30 in Berlin (CET): before the on-call hours.
    expect(isMediatorAvailableAt(av('Europe/Berlin'), '2026-03-23T07:30:00Z', 60)).toBe(false);
    expect(isMediatorAvailableAt(av('Europe/Moscow'), '2026-03-23T07:30:00Z', 60)).toBe(true);
    // 13:30 UTC is 16:30 in Moscow: a 60-minute session would overrun 17:00.
    expect(isMediatorAvailableAt(av('Europe/Moscow'), '2026-03-30T13:30:00Z', 60)).toBe(false);
    expect(isMediatorAvailableAt(av('Europe/Moscow'), '2026-03-30T13:30:00Z', 30)).toBe(true);
  });

  it('removes leave days and adds duty-rota days', () => {
    const onLeave = av('Europe/Moscow', {
      exceptions: [{ kind: 'leave', startsOn: '2026-03-30', endsOn: '2026-03-31' }],
    });
    expect(isMediatorAvailableAt(onLeave, '2026-03-30T07:30:00Z', 30)).toBe(false);
    expect(countAvailableDays(onLeave, '2026-03-28T00:00:00Z', 7)).toBe(5);
    const duty = av('Asia/Shanghai', {
      weekly: [{ weekday: 1, start: '18:00', end: '20:00' }],
      dutyDays: ['2026-04-01'],
    });
    // Wednesday 1 April 10:00 in Shanghai (02:00 UTC): on site by the rota.
    expect(isMediatorAvailableAt(duty, '2026-04-01T02:00:00Z', 60)).toBe(true);
    expect(isMediatorAvailableAt(duty, '2026-04-02T02:00:00Z', 60)).toBe(false);
  });
});

describe('availability API', () => {
  let t: TestApp;
  let orgId: string;
  let officer: Record<string, string>;
  beforeAll(async () => {
    t = await buildTestApp({ now: '2026-03-20T00:00:00.000Z' });
    orgId = (await createOrg(t.database.db)).id;
    officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
  });
  afterAll(async () => t.close());

  it('returns free slots in each mediator’s zone, around the DST switch', async () => {
    const db = t.database.db;
    const berlin = await createMediator(db, { orgId, timeZone: 'Europe/Berlin' });
    const moscowUser = await createUser(db, { orgId, role: 'mediator' });
    const moscow = await createMediator(db, {
      orgId,
      userId: moscowUser.id,
      timeZone: 'Europe/Moscow',
    });
    const moscowSelf = await bearerFor(t, moscowUser);
    for (const [id, headers] of [
      [berlin.id, officer],
      [moscow.id, moscowSelf],
    ] as const) {
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/mediators/${id}/availability/weekly`,
        headers,
        payload: { slots: weekdays9to17 },
      });
      expect(put.statusCode).toBe(200);
    }
    const leave = await t.app.inject({
      method: 'POST',
      url: `/api/v1/mediators/${moscow.id}/availability/exceptions`,
      headers: moscowSelf,
      payload: { kind: 'travel', startsOn: '2026-03-29', endsOn: '2026-03-29' },
    });
    expect(leave.statusCode).toBe(201);

    const get = (id: string) =>
      t.app.inject({
        url: `/api/v1/mediators/${id}/availability?from=2026-03-28&to=2026-03-30`,
        headers: officer,
      });
    const b = (await get(berlin.id)).json();
    expect(
      b.slots.map((s: { start: string; localStart: string }) => [s.start, s.localStart]),
    ).toEqual([
      ['2026-03-28T08:00:00.000Z', '2026-03-28T09:00:00+01:00'],
      ['2026-03-29T07:00:00.000Z', '2026-03-29T09:00:00+02:00'],
      ['2026-03-30T07:00:00.000Z', '2026-03-30T09:00:00+02:00'],
    ]);
    const m = (await get(moscow.id)).json();
    expect(m.slots.map((s: { start: string }) => s.start)).toEqual([
      '2026-03-28T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);

    expect(
      await findUnavailableMediators(db, {
        mediatorIds: [berlin.id, moscow.id],
        startsAt: '2026-03-23T07:30:00.000Z',
        durationMinutes: 60,
      }),
    ).toEqual([berlin.id]);
  });

  it('rejects bad patterns and ranges; hides other orgs’ mediators', async () => {
    const db = t.database.db;
    const m = await createMediator(db, { orgId });
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/mediators/${m.id}/availability/weekly`,
      headers: officer,
      payload: { slots: [{ weekday: 1, start: '17:00', end: '09:00' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('slots.0.end');
    const tooLong = await t.app.inject({
      url: `/api/v1/mediators/${m.id}/availability?from=2026-01-01&to=2026-12-31`,
      headers: officer,
    });
    expect(tooLong.statusCode).toBe(400);
    const outsider = await bearerFor(
      t,
      await createUser(db, { orgId: (await createOrg(db)).id, role: 'officer' }),
    );
    const hidden = await t.app.inject({
      url: `/api/v1/mediators/${m.id}/availability?from=2026-03-28&to=2026-03-30`,
      headers: outsider,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('keeps the duty rota and counts a rota day as on site', async () => {
    const db = t.database.db;
    const lawyer = await createMediator(db, { orgId, kind: 'lawyer', name: '值班律师' });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/mediators/${lawyer.id}/availability/weekly`,
      headers: officer,
      payload: { slots: [{ weekday: 6, start: '10:00', end: '12:00' }] },
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/duty-rota/2026-03-25`,
      headers: officer,
      payload: { mediatorIds: [lawyer.id] },
    });
    expect(put.statusCode).toBe(200);
    const rota = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/duty-rota?from=2026-03-23&to=2026-03-29`,
      headers: officer,
    });
    expect(rota.json().days).toEqual([
      {
        onDate: '2026-03-25',
        onSite: [{ mediatorId: lawyer.id, displayName: '值班律师', kind: 'lawyer' }],
      },
    ]);
    const slots = (
      await t.app.inject({
        url: `/api/v1/mediators/${lawyer.id}/availability?from=2026-03-25&to=2026-03-25`,
        headers: officer,
      })
    ).json().slots;
    expect(slots).toEqual([
      expect.objectContaining({
        start: '2026-03-25T01:00:00.000Z',
        end: '2026-03-25T09:00:00.000Z',
        kind: 'on_site',
      }),
    ]);
  });
});
