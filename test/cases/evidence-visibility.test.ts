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
 * Staff change an evidence file's visibility after its upload, on both engines: officers to any
 * level, the case's mediators between team and everyone, parties never; audited with the reason;
 * a caucus file is never widened beyond its caucus.
 */
let t: TestApp;
let caseId: string;
let officer: Record<string, string>;
let lead: Record<string, string>;
let applicant: Awaited<ReturnType<typeof signInAsParty>>;
let respondent: Awaited<ReturnType<typeof signInAsParty>>;

const PDF = Buffer.from('%PDF-1.4\n% visibility\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(headers: Record<string, string>, fields: Record<string, string> = {}) {
  const boundary = '----accordvisibility' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contract.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

const change = (headers: Record<string, string>, documentId: string, body: object) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/cases/${caseId}/documents/${documentId}`,
    headers,
    payload: body,
  });

const listed = async (headers: Record<string, string>) => {
  const r = await t.app.inject({ url: `/api/v1/cases/${caseId}/documents`, headers });
  expect(r.statusCode).toBe(200);
  return r.json().items as { id: string; visibility: string; channel: string | null }[];
};

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z' });
  const db = t.database.db;
  const orgId = (await createOrg(db, { prefix: '义外调' })).id;
  const officerUser = await createUser(db, { orgId, role: 'officer' });
  officer = await bearerFor(t, officerUser);
  caseId = (await submitThroughApi(t, { orgSlug: await orgSlugOf(t, orgId) })).id;
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/accept`,
    headers: officer,
    payload: { version: 1, reason: 'ok' },
  });
  const leadUser = await createUser(db, { orgId, role: 'mediator' });
  const leadId = (await createMediator(db, { orgId, userId: leadUser.id })).id;
  lead = await bearerFor(t, leadUser);
  const lawyer = await createMediator(db, { orgId, kind: 'lawyer' });
  const team = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/team`,
    headers: officer,
    payload: { version: 2, lead: leadId, lawyer: lawyer.id },
  });
  expect(team.statusCode).toBe(200);
  applicant = await signInAsParty(t, caseId, 'applicant');
  respondent = await signInAsParty(t, caseId, 'respondent');
});
afterAll(async () => t?.close());

describe('changing who sees a piece of evidence', () => {
  it('lets the officer keep a file to the committee, audited with the reason, and hides it from the team', async () => {
    const id = await upload(applicant.headers);
    const r = await change(officer, id, {
      visibility: 'committee',
      reason: 'Holds the applicant’s bank details.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, visibility: 'committee', channel: null });
    expect((await listed(lead)).map((d) => d.id)).not.toContain(id);
    expect((await listed(applicant.headers)).map((d) => d.id)).not.toContain(id);
    // The mediator cannot see it any more, so cannot change it either.
    expect((await change(lead, id, { visibility: 'all' })).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary_json'])
      .where('entity_id', '=', id)
      .where('action', '=', 'document.visibility')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary_json)).toEqual({
      before: { visibility: 'all' },
      after: { visibility: 'committee' },
      reason: 'Holds the applicant’s bank details.',
    });
  });

  it('lets the case mediator choose between the team and everyone, never the committee', async () => {
    const id = await upload(lead, { visibility: 'team' });
    expect((await listed(respondent.headers)).map((d) => d.id)).not.toContain(id);
    const opened = await change(lead, id, { visibility: 'all' });
    expect(opened.statusCode, opened.body).toBe(200);
    expect((await listed(respondent.headers)).map((d) => d.id)).toContain(id);
    const refused = await change(lead, id, { visibility: 'committee' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'visibility' });
    expect((await change(lead, id, { visibility: 'team' })).statusCode).toBe(200);
  });

  it('refuses the parties: 403 for a file they see', async () => {
    const id = await upload(applicant.headers);
    for (const p of [applicant, respondent]) {
      const r = await change(p.headers, id, { visibility: 'team' });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
    expect((await listed(officer)).find((d) => d.id === id)?.visibility).toBe('all');
  });

  it('never widens a caucus file beyond its caucus', async () => {
    const id = await upload(applicant.headers, { channel: 'caucus_applicant' });
    const narrowed = await change(officer, id, { visibility: 'team' });
    expect(narrowed.statusCode).toBe(400);
    expect(narrowed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'visibility' });
    // The level it has is accepted and changes nothing: the file stays in the caucus.
    const same = await change(officer, id, { visibility: 'all' });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ visibility: 'all', channel: 'caucus_applicant' });
    expect((await listed(respondent.headers)).map((d) => d.id)).not.toContain(id);
    // The other side learns nothing, not even that the file exists.
    expect((await change(respondent.headers, id, { visibility: 'all' })).statusCode).toBe(404);
  });

  it('rejects an unknown level as a validation error', async () => {
    const id = await upload(officer);
    const r = await change(officer, id, { visibility: 'public' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
  });
});
