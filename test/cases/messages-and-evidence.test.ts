import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';
import {
  bearerFor,
  orgSlugOf,
  signInAsParty,
  submitThroughApi,
} from '../support/case-factories.js';

let t: TestApp;
let orgId: string;
let officer: Record<string, string>;
let caseId: string;
let lead: { id: string; headers: Record<string, string> };
let applicant: Awaited<ReturnType<typeof signInAsParty>>;
let respondent: Awaited<ReturnType<typeof signInAsParty>>;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

function multipart(file: Buffer, filename: string, fields: Record<string, string> = {}) {
  const boundary = '----accordtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const upload = (
  headers: Record<string, string>,
  file: Buffer,
  filename: string,
  fields: Record<string, string> = {},
  id = caseId,
) => {
  const m = multipart(file, filename, fields);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/documents`,
    headers: { ...headers, 'content-type': m.contentType },
    payload: m.payload,
  });
};

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-03-02T02:00:00.000Z', config: { uploadLimitBytes: 4096 } });
  orgId = (await createOrg(t.database.db, { prefix: '义外调' })).id;
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
  const orgSlug = await orgSlugOf(t, orgId);
  caseId = (await submitThroughApi(t, { orgSlug })).id;
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/accept`,
    headers: officer,
    payload: { version: 1, reason: 'ok' },
  });
  const leadUser = await createUser(t.database.db, { orgId, role: 'mediator' });
  lead = {
    id: (await createMediator(t.database.db, { orgId, userId: leadUser.id })).id,
    headers: await bearerFor(t, leadUser),
  };
  const lawyer = await createMediator(t.database.db, { orgId, kind: 'lawyer' });
  await t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/team`,
    headers: officer,
    payload: { version: 2, lead: lead.id, lawyer: lawyer.id },
  });
  applicant = await signInAsParty(t, caseId, 'applicant');
  respondent = await signInAsParty(t, caseId, 'respondent');
});
afterAll(async () => t.close());

describe('evidence', () => {
  it('stores by content hash with the sniffed type: a .pdf-named PNG is image/png', async () => {
    const r = await upload(applicant.headers, PNG, '../../etc/发票.pdf');
    expect(r.statusCode).toBe(201);
    const doc = r.json();
    const sha = createHash('sha256').update(PNG).digest('hex');
    expect(doc).toMatchObject({
      mediaType: 'image/png',
      sha256: sha,
      sizeBytes: PNG.length,
      visibility: 'all',
      filename: '发票.png',
    });
    const row = await t.database.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toBe(`documents/${sha.slice(0, 2)}/${sha}`);
    const onDisk = join(t.deps.config.dataDir, row.storage_key);
    expect(existsSync(onDisk)).toBe(true);
    expect(readFileSync(onDisk).equals(PNG)).toBe(true);

    const dl = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents/${doc.id}/content`,
      headers: respondent.headers,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(String(dl.headers['content-disposition'])).toMatch(
      /^attachment; filename="__\.png"; filename\*=UTF-8''%E5%8F%91%E7%A5%A8\.png$/,
    );
    expect(dl.rawPayload.equals(PNG)).toBe(true);
  });

  it('accepts a PDF and plain text; refuses an executable (415) and an oversized file (413), storing nothing', async () => {
    expect((await upload(lead.headers, PDF, 'contract.pdf')).json().mediaType).toBe(
      'application/pdf',
    );
    const txt = await upload(applicant.headers, Buffer.from('微信聊天记录\nمحادثة\n'), 'chat.txt');
    expect(txt.json().mediaType).toBe('text/plain');
    const count = async () =>
      (await t.database.db.selectFrom('documents').select('id').execute()).length;
    const before = await count();
    const exe = await upload(applicant.headers, ELF, 'photo.jpg');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await upload(applicant.headers, Buffer.alloc(5000, 0x41), 'big.txt');
    expect(big.statusCode).toBe(413);
    expect(await count()).toBe(before);
  });

  it('keeps team and committee documents from the parties, and re-checks on download', async () => {
    const team = await upload(lead.headers, PDF, 'notes.pdf', { visibility: 'team' });
    expect(team.json().visibility).toBe('team');
    const committee = await upload(officer, PNG, 'internal.png', { visibility: 'committee' });
    expect(committee.statusCode).toBe(201);
    // A party cannot make a document team-only; a mediator cannot make it committee-only.
    expect((await upload(applicant.headers, PNG, 'x.png', { visibility: 'team' })).statusCode).toBe(
      400,
    );
    expect((await upload(lead.headers, PNG, 'x.png', { visibility: 'committee' })).statusCode).toBe(
      400,
    );

    const partyList = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/documents`, headers: applicant.headers })
    ).json().items;
    expect(partyList.map((d: { visibility: string }) => d.visibility)).not.toContain('team');
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${caseId}/documents/${team.json().id}/content`,
          headers: applicant.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${caseId}/documents/${team.json().id}/content`,
          headers: lead.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${caseId}/documents/${committee.json().id}/content`,
          headers: lead.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${caseId}/documents/${committee.json().id}/content`,
          headers: officer,
        })
      ).statusCode,
    ).toBe(200);

    // Someone from another case sees nothing of this one.
    const other = await submitThroughApi(t, { orgSlug: await orgSlugOf(t, orgId) });
    const outsider = await signInAsParty(t, other.id);
    expect(
      (await t.app.inject({ url: `/api/v1/cases/${caseId}/documents`, headers: outsider.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/cases/${caseId}/documents/${partyList[0].id}/content`,
          headers: outsider.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect((await upload(outsider.headers, PNG, 'x.png')).statusCode).toBe(404);
  });
});

describe('messages', () => {
  it('keeps team-only posts from the parties, and records who translated what', async () => {
    const attachment = (await upload(applicant.headers, PNG, 'damage.png')).json();
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      headers: applicant.headers,
      payload: { language: 'ar', body: 'البضاعة وصلت تالفة', documentIds: [attachment.id] },
    });
    expect(post.statusCode).toBe(201);
    const messageId = post.json().id;
    // A party cannot post team-only, nor attach someone else's file.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/messages`,
          headers: applicant.headers,
          payload: { language: 'ar', body: 'x', visibility: 'team' },
        })
      ).statusCode,
    ).toBe(400);
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      headers: respondent.headers,
      payload: { language: 'zh', body: 'x', documentIds: [attachment.id] },
    });
    expect(theirs.json().error.field).toBe('documentIds.0');
    t.clock.advanceMs(60_000);
    const teamPost = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      headers: lead.headers,
      payload: { language: 'zh', body: '内部：对方可能愿意退一半', visibility: 'team' },
    });
    expect(teamPost.statusCode).toBe(201);

    // Machine translation needs a configured provider; none is bundled.
    const machine = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/messages/${messageId}/translations/zh`,
      headers: lead.headers,
      payload: { machine: true },
    });
    expect(machine.statusCode).toBe(400);
    expect(machine.json().error.field).toBe('machine');
    // Parties do not translate.
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/cases/${caseId}/messages/${messageId}/translations/zh`,
          headers: respondent.headers,
          payload: { text: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const human = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/messages/${messageId}/translations/zh`,
      headers: lead.headers,
      payload: { text: '货物到达时已损坏' },
    });
    expect(human.statusCode).toBe(200);
    expect(human.json()).toMatchObject({
      language: 'zh',
      method: 'human',
      provider: null,
      translatedBy: { name: 'Test User' },
    });

    const forRespondent = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/messages`, headers: respondent.headers })
    ).json().items;
    expect(forRespondent.map((m: { visibility: string }) => m.visibility)).toEqual(['everyone']);
    expect(forRespondent[0].translations[0].text).toBe('货物到达时已损坏');
    expect(forRespondent[0].attachments.map((a: { id: string }) => a.id)).toEqual([attachment.id]);
    const forTeam = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/messages`, headers: lead.headers })
    ).json().items;
    expect(forTeam.map((m: { visibility: string }) => m.visibility)).toEqual(['everyone', 'team']);
  });
});
