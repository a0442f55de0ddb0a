import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { bearerFor } from '../support/mediator-factories.js';

let t: TestApp;
let orgId: string;
let officer: Record<string, string>;

const importCsv = (body: Buffer | string, query = '') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/mediators/import${query}`,
    headers: { ...officer, 'content-type': 'text/csv' },
    payload: body,
  });

const countMediators = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('mediator_profiles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrg(t.database.db)).id;
  officer = await bearerFor(t, await createUser(t.database.db, { orgId, role: 'officer' }));
});
afterAll(async () => t.close());

describe('roster CSV import', () => {
  it('imports good rows and reports each bad row by line and column', async () => {
    const csv = [
      'display_name,kind,nationality,languages,expertise,case_limit,time_zone,bio_en',
      'Good One,foreign,EG,ar:native;zh:fluent;en:working,goods_quality,5,Asia/Shanghai,Hello',
      'Bad Language,foreign,EG,xx:native,payment,5,Asia/Shanghai,',
      'Bad Country,foreign,XX,ar:native,payment,5,Asia/Shanghai,',
      'Bad Proficiency,lawyer,CN,zh:superb,,5,Asia/Shanghai,',
      'Good Two,lawyer,CN,zh:native;en:working,payment;delivery,3,Asia/Shanghai,',
      'Too,few,columns',
      'Bad Limit,lawyer,CN,zh:native,,lots,Asia/Shanghai,',
    ].join('\n');
    const before = await countMediators();
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.created).toBe(2);
    expect(report.encoding).toBe('utf-8');
    expect(report.errors).toEqual([
      { row: 3, field: 'languages', code: 'INVALID_VALUE' },
      { row: 4, field: 'nationality', code: 'INVALID_VALUE' },
      { row: 5, field: 'languages', code: 'INVALID_VALUE' },
      { row: 7, field: 'row', code: 'COLUMN_COUNT' },
      { row: 8, field: 'case_limit', code: 'INVALID_VALUE' },
    ]);
    expect(await countMediators()).toBe(before + 2);
    const good = await t.database.db
      .selectFrom('mediator_profiles')
      .select(['id', 'bio_json'])
      .where('display_name', '=', 'Good One')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(good.bio_json)).toEqual({ en: 'Hello' });
    const langs = await t.database.db
      .selectFrom('mediator_languages')
      .select('language')
      .where('mediator_id', '=', good.id)
      .execute();
    expect(langs.map((l) => l.language).sort()).toEqual(['ar', 'en', 'zh']);
  });

  it('accepts GBK and a UTF-8 BOM', async () => {
    const gbk = iconv.encode(
      'display_name,kind,nationality,languages\n王律师,lawyer,CN,zh:native;en:working\n',
      'gbk',
    );
    const r1 = (await importCsv(gbk)).json();
    expect(r1).toMatchObject({ encoding: 'gbk', created: 1, errors: [] });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('display_name,kind,nationality,languages\n李公证员,notary,CN,zh:native\n'),
    ]);
    const r2 = (await importCsv(bom)).json();
    expect(r2).toMatchObject({ encoding: 'utf-8', created: 1, errors: [] });
    const names = await t.database.db
      .selectFrom('mediator_profiles')
      .select('display_name')
      .where('org_id', '=', orgId)
      .where('display_name', 'in', ['王律师', '李公证员'])
      .execute();
    expect(names.map((n) => n.display_name).sort()).toEqual(['李公证员', '王律师'].sort());
  });

  it('reports a wrong header on line 1 and writes nothing', async () => {
    const before = await countMediators();
    const res = await importCsv('name,kind,country,languages,colour\nX,foreign,EG,ar:native,red\n');
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([
      { row: 1, field: 'display_name', code: 'MISSING_COLUMN' },
      { row: 1, field: 'nationality', code: 'MISSING_COLUMN' },
      { row: 1, field: 'name', code: 'UNKNOWN_COLUMN' },
      { row: 1, field: 'country', code: 'UNKNOWN_COLUMN' },
      { row: 1, field: 'colour', code: 'UNKNOWN_COLUMN' },
    ]);
    expect(await countMediators()).toBe(before);
  });

  it('exports the roster and re-imports it as updates', async () => {
    const res = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/mediators/export.csv`,
      headers: officer,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body).toContain('王律师');
    expect(res.body).not.toMatch(/phone/);
    const before = await countMediators();
    const again = (await importCsv(Buffer.from(res.rawPayload))).json();
    expect(again.errors).toEqual([]);
    expect(again.updated).toBe(before);
    expect(again.created).toBe(0);
    expect(await countMediators()).toBe(before);
  });
});
