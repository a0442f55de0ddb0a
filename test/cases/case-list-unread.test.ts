import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  bearerFor,
  orgSlugOf,
  signInAsParty,
  submitThroughApi,
} from '../support/case-factories.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';

/**
 * The case lists carry each case's unread message count for the caller, across the channels the
 * caller may read there: the officer's queue, a mediator's own cases and a party's list, on both
 * engines.
 */
let t: TestApp;
let withTeam: string;
let quiet: string;
let officer: Record<string, string>;
let lead: Record<string, string>;
let applicant: Awaited<ReturnType<typeof signInAsParty>>;
let respondent: Awaited<ReturnType<typeof signInAsParty>>;

const post = async (
  caseId: string,
  headers: Record<string, string>,
  visibility: string,
  body: string,
) => {
  t.clock.advanceMs(60_000);
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/messages`,
    headers,
    payload: { language: 'en', visibility, body },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

const unreadIn = async (headers: Record<string, string>, url = '/api/v1/cases') => {
  const r = await t.app.inject({ url, headers });
  expect(r.statusCode, r.body).toBe(200);
  return Object.fromEntries(
    (r.json().items as { id: string; unreadMessages: number }[]).map((c) => [
      c.id,
      c.unreadMessages,
    ]),
  );
};

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  const db = t.database.db;
  const orgId = (await createOrg(db, { prefix: '义外调' })).id;
  const officerUser = await createUser(db, { orgId, role: 'officer' });
  officer = await bearerFor(t, officerUser);
  const slug = await orgSlugOf(t, orgId);
  withTeam = (await submitThroughApi(t, { orgSlug: slug })).id;
  quiet = (await submitThroughApi(t, { orgSlug: slug })).id;
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${withTeam}/accept`,
    headers: officer,
    payload: { version: 1, reason: 'ok' },
  });
  const leadUser = await createUser(db, { orgId, role: 'mediator' });
  const leadId = (await createMediator(db, { orgId, userId: leadUser.id })).id;
  lead = await bearerFor(t, leadUser);
  const lawyer = await createMediator(db, { orgId, kind: 'lawyer' });
  const team = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${withTeam}/team`,
    headers: officer,
    payload: { version: 2, lead: leadId, lawyer: lawyer.id },
  });
  expect(team.statusCode).toBe(200);
  applicant = await signInAsParty(t, withTeam, 'applicant');
  respondent = await signInAsParty(t, withTeam, 'respondent');

  await post(withTeam, applicant.headers, 'everyone', 'The invoice is attached.');
  await post(withTeam, applicant.headers, 'caucus_applicant', 'Our lowest figure is 8,000.');
  await post(withTeam, lead, 'caucus_respondent', 'Please send the inspection record.');
  await post(withTeam, officer, 'team', 'The quality report post-dates the shipment.');
  await post(quiet, officer, 'team', 'Waiting for the respondent’s address.');
});
afterAll(async () => t?.close());

describe('unread messages in the case lists', () => {
  it('counts, per case, what others wrote in every channel the caller may read', async () => {
    // Officer: everyone + the applicant's caucus + the respondent's caucus; their own team note
    // is never unread.
    expect(await unreadIn(officer)).toEqual({ [withTeam]: 3, [quiet]: 0 });
    // The lead's own cases: everyone + the applicant's caucus + the officer's team note.
    expect(await unreadIn(lead, '/api/v1/me/cases')).toEqual({ [withTeam]: 3 });
    // Each side counts the shared thread and its own caucus, never the other side's or the team.
    expect((await unreadIn(respondent.headers))[withTeam]).toBe(2);
    expect((await unreadIn(applicant.headers))[withTeam]).toBe(0);
  });

  it('falls as the caller reads a channel, and only for that caller', async () => {
    const th = await t.app.inject({ url: `/api/v1/cases/${withTeam}/messages`, headers: officer });
    const lastEveryone = (th.json().items as { id: string; channel: string }[])
      .filter((m) => m.channel === 'everyone')
      .at(-1)!.id;
    const read = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${withTeam}/messages/read-positions/everyone`,
      headers: officer,
      payload: { upTo: lastEveryone },
    });
    expect(read.statusCode).toBeLessThan(300);
    expect((await unreadIn(officer))[withTeam]).toBe(2);
    expect((await unreadIn(lead, '/api/v1/me/cases'))[withTeam]).toBe(3);
    // A new message by the party counts again for the officer.
    await post(withTeam, applicant.headers, 'everyone', 'Any news?');
    expect((await unreadIn(officer))[withTeam]).toBe(3);
    expect((await unreadIn(applicant.headers))[withTeam]).toBe(0);
  });
});
