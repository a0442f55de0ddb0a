import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { createDocumentCase } from '../support/document-factories.js';

let t: TestApp;
let token: string;
let caseId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const orgId = (await createOrg(t.database.db)).id;
  const officer = await createUser(t.database.db, { orgId, role: 'officer' });
  token = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: officer.email, password: officer.password },
    })
  ).json().token as string;
  // A signed agreement: the kind of document that is stored when it is generated.
  caseId = (await createDocumentCase(t.database.db, { lang: 'ar', orgId, status: 'breached' }))
    .caseId;
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

/** What a request could have written: document rows, audit rows, files in the store. */
async function written() {
  const db = t.database.db;
  const count = async (table: 'documents' | 'audit_events') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const store = join(t.deps.config.dataDir, 'documents');
  const files = existsSync(store)
    ? readdirSync(store, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
  return { documents: await count('documents'), audit: await count('audit_events'), files };
}

describe('?lang= on document requests (DESIGN §6)', () => {
  it.each(['agreement.pdf', 'certificate.pdf', 'session-record.pdf', 'notice-of-rights.pdf'])(
    '%s?lang=zz answers 400 on lang and writes nothing',
    async (file) => {
      const before = await written();
      const res = await get(`/api/v1/cases/${caseId}/documents/${file}?lang=zz`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lang' });
      expect(await written()).toEqual(before);
    },
  );

  it('refuses a well-formed language the documents are not written in, and the dossier too', async () => {
    const before = await written();
    for (const url of [
      `/api/v1/cases/${caseId}/documents/agreement.pdf?lang=de`,
      `/api/v1/cases/${caseId}/dossier.pdf?lang=zz`,
      `/api/v1/cases/${caseId}/dossier.zip?lang=zz`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field).toBe('lang');
    }
    expect(await written()).toEqual(before);
  });

  it('accepts every document language, with or without a region', async () => {
    for (const lang of ['zh', 'en', 'ar', 'fa-IR', 'ru', 'es', 'fr', 'tr']) {
      const res = await get(`/api/v1/cases/${caseId}/documents/notice-of-rights.pdf?lang=${lang}`);
      expect(res.statusCode, lang).toBe(200);
    }
  });
});
