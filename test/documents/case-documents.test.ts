import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmDocumentEngine } from '../../src/documents/render-typst-document.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { agreementContentFor, createDocumentCase } from '../support/document-factories.js';

let t: TestApp;
let orgId: string;
let officerToken: string;
let outsiderToken: string;
const cases: Record<'ar' | 'ru', Awaited<ReturnType<typeof createDocumentCase>>> = {} as never;

const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
// pdftotext marks right-to-left runs with bidi controls; compare the letters only.
const plain = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const pdfPageSizes = (pdf: Buffer) =>
  execFileSync('pdfinfo', ['-l', '100', '-'], { input: pdf })
    .toString('utf8')
    .split('\n')
    .filter((l) => /^Page\s+\d+ size:/.test(l))
    .map((l) => l.replace(/^Page\s+\d+ size:\s+/, '').replace(/\s*\(.*$/, ''));

async function login(email: string, password: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  return res.json().token as string;
}

const get = (url: string, token = officerToken) =>
  t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  // Font loading happens once per process; do it in the hook, not inside the first test.
  warmDocumentEngine();
  t = await buildTestApp({ config: { publicUrl: 'https://accord.example' } });
  orgId = (await createOrg(t.database.db, { name: '义乌市涉外纠纷人民调解委员会' })).id;
  const officer = await createUser(t.database.db, { orgId, role: 'officer' });
  officerToken = await login(officer.email, officer.password);
  const otherOrg = await createOrg(t.database.db);
  const outsider = await createUser(t.database.db, { orgId: otherOrg.id, role: 'officer' });
  outsiderToken = await login(outsider.email, outsider.password);
  cases.ar = await createDocumentCase(t.database.db, { lang: 'ar', orgId, status: 'breached' });
  cases.ru = await createDocumentCase(t.database.db, { lang: 'ru', orgId, status: 'breached' });
});
afterAll(async () => t.close());

const foreignWords = {
  ar: {
    party: 'أحمد محمود',
    label: 'المتنازع عليها',
    content: 'جودة البضائع',
    notice: 'حقوقك',
    words: 'اثنا عشر ألف',
  },
  ru: {
    party: 'Иван Петров',
    label: 'Стороны',
    content: 'Качество товара',
    notice: 'Ваши права',
    words: 'двенадцать тысяч',
  },
};

describe.each(['ar', 'ru'] as const)('documents for a case with a %s-speaking party', (lang) => {
  const ref = async () =>
    (
      await t.database.db
        .selectFrom('cases')
        .select('reference')
        .where('id', '=', cases[lang].caseId)
        .executeTakeFirstOrThrow()
    ).reference;

  it('agreement: Chinese and foreign text, every Art. 29 element, amount in words, reference and hash', async () => {
    const res = await get(`/api/v1/cases/${cases[lang].caseId}/documents/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = plain(pdfText(res.rawPayload));
    const compact = text.replace(/\s+/g, '');
    for (const zh of [
      '调解协议书',
      '纠纷的主要事实',
      '争议事项',
      '各方当事人的责任',
      '履行方式和期限',
      '第1条',
      '第2条',
      '美元壹万贰仟元整',
      '印章',
      '以中文文本为准',
    ]) {
      expect(compact).toContain(zh);
    }
    expect(text).toContain(foreignWords[lang].party);
    expect(text).toContain(foreignWords[lang].label);
    expect(text).toContain(foreignWords[lang].content);
    // The amount in words in the party's own language (n2words), not in English.
    expect(text).toContain(foreignWords[lang].words);
    expect(text).not.toContain('twelve thousand');
    expect(text).toContain(await ref());
    expect(text).toContain(cases[lang].agreement!.textHash!);
    expect(compact).toContain(`https://accord.example/verify/${cases[lang].agreement!.textHash}`);
    expect(text).toContain('2026-04-01');
    // Each consensus point shows each party's confirmation (三必: confirmed one by one).
    expect(compact).toContain('逐项确认');
    expect(text).toContain('2026-02-09');
  });

  it.each([
    ['certificate', ['调解证明书', 'Certificate of Mediation', 'Singapore Convention']],
    ['confirmation-application', ['司法确认申请书', '送达地址', '附件', '浙江省义乌市福田街道']],
    ['litigation-referral', ['诉讼移送函', 'Litigation Referral Letter', '义乌市福田鞋业商行']],
    ['session-record', ['调解笔录', '翻译人员是否在场', '双方确认货物存在质量问题']],
    ['notice-of-rights', ['人民调解权利义务告知书', '不收取任何费用']],
  ])('%s renders with the reference and its fixed text', async (kind, expected) => {
    const res = await get(`/api/v1/cases/${cases[lang].caseId}/documents/${kind}.pdf`);
    expect(res.statusCode).toBe(200);
    const text = plain(pdfText(res.rawPayload));
    const compact = text.replace(/\s+/g, '');
    for (const e of expected) expect(compact).toContain(e.replace(/\s+/g, ''));
    expect(text).toContain(await ref());
    expect(text).toContain(foreignWords[lang].party);
    if (kind === 'notice-of-rights') expect(text).toContain(foreignWords[lang].notice);
  });
});

describe('access, state and verification', () => {
  it('answers 404 to a caller who cannot see the case', async () => {
    const res = await get(
      `/api/v1/cases/${cases.ar.caseId}/documents/agreement.pdf`,
      outsiderToken,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 409 for an agreement before any draft exists, and 400 for an unknown kind', async () => {
    const c = await createDocumentCase(t.database.db, {
      lang: 'ar',
      orgId,
      status: 'in_mediation',
      agreementStatus: null,
    });
    const res = await get(`/api/v1/cases/${c.caseId}/documents/agreement.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_TRANSITION');
    expect(
      (await get(`/api/v1/cases/${c.caseId}/documents/litigation-referral.pdf`)).statusCode,
    ).toBe(409);
    const bad = await get(`/api/v1/cases/${c.caseId}/documents/secret.pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('file');
  });

  it('renders a draft fresh, marked as a draft, without storing it', async () => {
    const c = await createDocumentCase(t.database.db, {
      lang: 'ru',
      orgId,
      status: 'in_mediation',
      agreementStatus: 'draft',
    });
    const res = await get(`/api/v1/cases/${c.caseId}/documents/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(plain(pdfText(res.rawPayload))).toContain('ПРОЕКТ');
    const stored = await t.database.db
      .selectFrom('documents')
      .select('id')
      .where('case_id', '=', c.caseId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('stores a signed agreement once, immutable, serves the same bytes and verifies its hash', async () => {
    const url = `/api/v1/cases/${cases.ru.caseId}/documents/agreement.pdf?lang=ru`;
    const first = await get(url);
    const second = await get(url);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const rows = await t.database.db
      .selectFrom('documents')
      .select(['sha256', 'immutable'])
      .where('case_id', '=', cases.ru.caseId)
      .where('kind', '=', 'agreement')
      .execute();
    expect(rows.length).toBe(1);
    expect(rows[0]!.immutable).toBe(1);
    expect(first.headers['x-document-sha256']).toBe(rows[0]!.sha256);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('case_id', '=', cases.ru.caseId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('document.generated');

    const verify = async (h: string) => t.app.inject({ url: `/api/v1/verify/${h}` });
    expect((await verify(rows[0]!.sha256)).json()).toEqual({ status: 'valid' });
    expect((await verify(cases.ru.agreement!.textHash!)).json()).toEqual({ status: 'valid' });
    expect((await verify('0'.repeat(64))).json()).toEqual({ status: 'unknown' });
    expect((await verify('not-a-hash')).statusCode).toBe(400);
  });

  it('prints a Chinese-only agreement when asked for zh', async () => {
    const res = await get(`/api/v1/cases/${cases.ar.caseId}/documents/agreement.pdf?lang=zh`);
    expect(res.statusCode).toBe(200);
    const text = plain(pdfText(res.rawPayload));
    expect(text.replace(/\s+/g, '')).toContain('本协议以中文书就。');
    expect(text).not.toContain('جودة البضائع');
    expect(text).not.toContain('案件编号 / 案件编号');
  });

  it('falls back to English labels for a party language without templates, and says so', async () => {
    // ?lang=de is refused (DESIGN §6), but a German-speaking party still gets a column.
    const c = await createDocumentCase(t.database.db, {
      lang: 'ar',
      orgId,
      extraParties: [
        {
          role: 'applicant',
          kind: 'person',
          name: 'Hans Müller',
          country: 'DE',
          languages: ['de'],
          preferredLanguage: 'de',
        },
      ],
    });
    expect(
      (await get(`/api/v1/cases/${c.caseId}/documents/notice-of-rights.pdf?lang=de`)).statusCode,
    ).toBe(400);
    const res = await get(`/api/v1/cases/${c.caseId}/documents/notice-of-rights.pdf`);
    expect(res.statusCode).toBe(200);
    const text = plain(pdfText(res.rawPayload));
    expect(text).toContain('not yet available in German');
    expect(text).toContain('Your rights');
    expect(text.replace(/\s+/g, '')).toContain('本文书暂无德语版本');
  });
});

describe('hostile input', () => {
  it('prints template syntax in user text literally and keeps the layout', async () => {
    const evil = '#set page(width: 20pt, height: 20pt)] #pagebreak() $x^2$ *b* <l> @r // c';
    const content = agreementContentFor('ar');
    content.facts = {
      lang: 'zh',
      text: '事实 ] ) } #set text(size: 40pt) 结束',
      translations: { ar: evil },
    };
    const c = await createDocumentCase(t.database.db, {
      lang: 'ar',
      orgId,
      foreignName: evil,
      agreementStatus: 'draft',
      content,
    });
    const res = await get(`/api/v1/cases/${c.caseId}/documents/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    const text = plain(pdfText(res.rawPayload));
    expect(text).toContain('#set page(width: 20pt, height: 20pt)]');
    expect(text).toContain('#set text(size: 40pt)');
    // Every page is still A4: the injected #set page never ran.
    const sizes = pdfPageSizes(res.rawPayload);
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) expect(s).toMatch(/^595\.\d* x 841\.\d* pts$/);
  });

  it('makes a valid PDF from 100,000-character texts, every script, emoji and bidi controls', async () => {
    const scripts =
      'Ελληνικά Русский עברית العربية فارسی हिन्दी ไทย 한국어 日本語 ქართული Հայերեն አማርኛ 😀🇨🇳';
    // PostgreSQL text cannot hold NUL (intake rejects it); NUL and lone surrogates are
    // covered at the renderer in render-typst-document.test.ts.
    const hostile = `A\u202Eevil\u202C B \u2067x\u2069 ${scripts}`;
    const content = agreementContentFor('ar');
    content.facts = {
      lang: 'zh',
      text: '长'.repeat(100_000),
      translations: { ar: 'ب'.repeat(100_000) },
    };
    content.disputedMatters = { lang: 'zh', text: hostile, translations: { ar: hostile } };
    const c = await createDocumentCase(t.database.db, {
      lang: 'ar',
      orgId,
      agreementStatus: 'draft',
      content,
      foreignName: 'N'.repeat(2000) + hostile,
    });
    const res = await get(`/api/v1/cases/${c.caseId}/documents/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Ελληνικά');
    expect(text).toContain('हिन्दी');
    // The override stays inside its isolate: the labels and reference around it still read in order.
    expect(plain(text).replace(/\s+/g, '')).toContain('纠纷的主要事实');
    expect(plain(text)).toContain('رقم القضية');
  }, 60_000);
});
