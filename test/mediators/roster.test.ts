import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createMediator, createOrg, createUser } from '../support/factories.js';
import { bearerFor, createAdmissionEvidence } from '../support/mediator-factories.js';

let t: TestApp;
let orgId: string;
let officer: Record<string, string>;

const valid = {
  displayName: 'Amina Diallo',
  kind: 'foreign',
  nationality: 'SN',
  languages: [
    { code: 'fr', proficiency: 'native' },
    { code: 'wo', proficiency: 'native' },
    { code: 'zh', proficiency: 'working' },
  ],
  expertise: ['goods_quality', 'payment'],
  caseLimit: 4,
  email: 'amina@mediators.test',
  phone: '+86 138 0000 1234',
  bio: { en: 'Trader in Yiwu since 2012.', fr: 'Commerçante à Yiwu depuis 2012.' },
  timeZone: 'Asia/Shanghai',
};

const create = (payload: object, headers = officer) =>
  t.app.inject({ method: 'POST', url: `/api/v1/orgs/${orgId}/mediators`, headers, payload });

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrg(t.database.db)).id;
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
});
afterAll(async () => t.close());

describe('roster management', () => {
  it('creates a profile, indexes its languages, encrypts the phone and audits it', async () => {
    const res = await create(valid);
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m.phoneMasked).toBe('••••••••1234');
    const db = t.database.db;
    const row = await db
      .selectFrom('mediator_profiles')
      .select('phone_enc')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('1234');
    const langs = await db
      .selectFrom('mediator_languages')
      .select(['language', 'family', 'proficiency'])
      .where('mediator_id', '=', m.id)
      .orderBy('language')
      .execute();
    expect(langs).toEqual([
      { language: 'fr', family: 'roa', proficiency: 'native' },
      { language: 'wo', family: expect.any(String), proficiency: 'native' },
      { language: 'zh', family: 'zhx', proficiency: 'working' },
    ]);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'summary_json'])
      .where('entity_id', '=', m.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['mediator.created']);
    expect(audit[0]!.summary_json).not.toContain('1234');
  });

  it('keeps the language index in step with an edit, and deactivates', async () => {
    const m = (await create({ ...valid, email: null, phone: null })).json();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/mediators/${m.id}`,
      headers: officer,
      payload: { languages: [{ code: 'ar', proficiency: 'fluent' }], caseLimit: 2 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().caseLimit).toBe(2);
    expect(patched.json().displayName).toBe('Amina Diallo');
    const langs = await t.database.db
      .selectFrom('mediator_languages')
      .select(['language', 'family'])
      .where('mediator_id', '=', m.id)
      .execute();
    expect(langs).toEqual([{ language: 'ar', family: 'sem' }]);
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/v1/mediators/${m.id}/deactivate`,
      headers: officer,
    });
    expect(off.json().active).toBe(false);
    const list = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/mediators?active=true&language=ar`,
      headers: officer,
    });
    expect(list.json().items.some((i: { id: string }) => i.id === m.id)).toBe(false);
  });

  it.each([
    ['languages.0.code', { languages: [{ code: 'xx', proficiency: 'native' }] }],
    ['languages.0.proficiency', { languages: [{ code: 'ar', proficiency: 'expert' }] }],
    ['nationality', { nationality: 'XX' }],
    ['timeZone', { timeZone: 'Mars/Olympus' }],
    ['expertise.0', { expertise: ['astrology'] }],
    ['kind', { kind: 'wizard' }],
  ])('answers 400 naming %s', async (field, change) => {
    const before = await t.database.db
      .selectFrom('mediator_profiles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await create({ ...valid, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.field).toBe(field);
    const after = await t.database.db
      .selectFrom('mediator_profiles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('hides the roster from other orgs (404) and refuses the committee’s mediators (403)', async () => {
    const db = t.database.db;
    const m = await createMediator(db, { orgId });
    const other = await bearerFor(
      t,
      await createUser(db, { orgId: (await createOrg(db)).id, role: 'director' }),
    );
    expect((await create(valid, other)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/v1/mediators/${m.id}`, headers: other })).statusCode,
    ).toBe(404);
    const mediatorUser = await bearerFor(t, await createUser(db, { orgId, role: 'mediator' }));
    expect(
      (await t.app.inject({ url: `/api/v1/orgs/${orgId}/mediators`, headers: mediatorUser }))
        .statusCode,
    ).toBe(403);
  });

  it('shows the admission checklist with evidence, each item passed or failed', async () => {
    const m = (await create({ ...valid, email: null, phone: null })).json();
    const doc = await createAdmissionEvidence(t.database.db, { orgId });
    const initial = (
      await t.app.inject({ url: `/api/v1/mediators/${m.id}/admission`, headers: officer })
    ).json();
    expect(initial.items.map((i: { item: string; status: string }) => [i.item, i.status])).toEqual([
      ['languages', 'passed'],
      ['china_company', 'pending'],
      ['tax_records', 'pending'],
      ['clean_record', 'pending'],
    ]);
    expect(initial.admitted).toBe(false);
    const noEvidence = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/mediators/${m.id}/admission/china_company`,
      headers: officer,
      payload: { status: 'passed' },
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.field).toBe('documentIds');
    for (const item of ['china_company', 'tax_records', 'clean_record']) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/mediators/${m.id}/admission/${item}`,
        headers: officer,
        payload: { status: item === 'tax_records' ? 'failed' : 'passed', documentIds: [doc.id] },
      });
      expect(res.statusCode).toBe(200);
    }
    const after = (
      await t.app.inject({ url: `/api/v1/mediators/${m.id}/admission`, headers: officer })
    ).json();
    expect(after.items[1].evidence).toEqual([
      expect.objectContaining({ id: doc.id, filename: 'business-licence.pdf' }),
    ]);
    expect(after.items[2].status).toBe('failed');
    expect(after.admitted).toBe(false);
  });
});

describe('admission evidence upload', () => {
  it('stores an uploaded document that a checklist item can cite', async () => {
    const m = (await create({ ...valid, email: null, phone: null })).json();
    const boundary = '----accord-test-boundary';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="营业执照.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/mediators/${m.id}/admission/evidence`,
      headers: { ...officer, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ filename: '营业执照.pdf', mediaType: 'application/pdf' });
    const cite = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/mediators/${m.id}/admission/china_company`,
      headers: officer,
      payload: { status: 'passed', documentIds: [up.json().id] },
    });
    expect(cite.statusCode).toBe(200);
    expect(cite.json().items[1]).toMatchObject({
      item: 'china_company',
      status: 'passed',
      evidence: [expect.objectContaining({ id: up.json().id })],
    });
  });
});
