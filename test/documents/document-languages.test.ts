import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseDocumentBundle } from '../../src/db/repositories/case-document-repository.js';
import { assembleDossier } from '../../src/documents/assemble-dossier.js';
import { buildDocumentData, documentKinds } from '../../src/documents/build-document-data.js';
import type { CaseDocumentBundle } from '../../src/documents/case-document-bundle.js';
import {
  codeLabel,
  codeTables,
  filingKindCodes,
  idDocumentTypes,
  partyRoleCodes,
  sessionModeCodes,
} from '../../src/documents/document-code-labels.js';
import {
  documentLabels,
  documentLanguages,
  type DocumentLanguage,
} from '../../src/documents/document-labels.js';
import { dossierLabels } from '../../src/documents/dossier-labels.js';
import {
  renderTypstDocument,
  warmDocumentEngine,
} from '../../src/documents/render-typst-document.js';
import { caseStatuses } from '../../src/domain/case-status.js';
import { caseCategories, caseSources } from '../../src/domain/dispute-categories.js';
import { mediatorKinds, proficiencies, staffRoles } from '../../src/domain/roles.js';
import { sessionRecordJson } from '../../src/domain/session-record.js';
import { newId } from '../../src/domain/new-id.js';
import { signatureMethods } from '../../src/use-cases/agreements/sign-agreement.js';
import { teamRoles } from '../../src/use-cases/cases/set-case-team.js';
import { followUpMethods } from '../../src/use-cases/performance/record-follow-up.js';
import { loadFieldKeyring } from '../../src/use-cases/trust/load-field-keyring.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  agreementContentFor,
  createDocumentCase,
  createUploadedFile,
  foreignParty,
} from '../support/document-factories.js';
import { createCourtFiling } from '../support/factories.js';

let t: TestApp;
let triCase: Awaited<ReturnType<typeof createDocumentCase>>;

const pdfText = (pdf: Buffer | Uint8Array) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
// pdftotext marks right-to-left runs with bidi controls; compare the letters only.
const plain = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/**
 * Every code a document could print, from the code lists themselves: case states, categories,
 * sources, roles, identity documents, signature methods, team roles, session modes, follow-up
 * methods, filing kinds and states, agreement states, mediator kinds …
 */
const codes = [
  ...caseStatuses,
  ...caseCategories,
  ...caseSources,
  ...partyRoleCodes,
  ...idDocumentTypes,
  ...signatureMethods,
  ...teamRoles,
  ...sessionModeCodes,
  ...followUpMethods,
  ...filingKindCodes,
  ...mediatorKinds,
  ...staffRoles,
  ...proficiencies,
  ...['proposal', 'draft', 'final', 'in_effect', 'superseded'],
  ...['filed', 'confirmed', 'decided', 'held', 'scheduled', 'person', 'organization'],
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A snake_case code is never an ordinary word: anywhere, as a whole word, is a leak.
const snake = codes.filter((c) => c.includes('_'));
const snakeRe = new RegExp(`(?<![\\w])(${snake.map(escape).join('|')})(?![\\w])`);
// A one-word code ("passport", "lead", "fulfilled") can be an ordinary English word, but never
// in its code forms: in parentheses, or lowercase as a whole table cell or line.
const words = codes.filter((c) => !c.includes('_'));
const parenRe = new RegExp(`\\((${words.map(escape).join('|')})\\)`);
const isolatedRe = new RegExp(
  `(?<![A-Za-z][^A-Za-z\\u00C0-\\uFFFF]*)(?<![\\w])(${words.map(escape).join('|')})(?![\\w])(?![^A-Za-z\\u00C0-\\uFFFF]*[A-Za-z])`,
  'g',
);

/**
 * The fixed text a document in `lang` may print (its labels, the dossier's, the code names, and
 * English, which the court papers always carry): a one-word code that occurs there as an
 * ordinary word ("Committee (seal)", "Terms agreed" wrapped onto its own line) is not a leak.
 */
const fixedText = (lang: DocumentLanguage) => {
  // Values only: the tables' keys are the codes themselves.
  const values = (o: unknown): string[] =>
    typeof o === 'string'
      ? [o]
      : o && typeof o === 'object'
        ? Object.values(o).flatMap(values)
        : [];
  return (['en', lang] as const)
    .flatMap((l) => [
      documentLabels[l],
      dossierLabels[l],
      ...Object.values(codeTables).map((t) => t[l]),
    ])
    .flatMap(values)
    .join('\n');
};

function rawCodesIn(text: string, lang: DocumentLanguage): string[] {
  const allowed = fixedText(lang);
  const found: string[] = [];
  for (const line of plain(text).split('\n')) {
    const s = snakeRe.exec(line);
    if (s) found.push(`${s[0]} in: ${line.trim()}`);
    const p = parenRe.exec(line);
    if (p && !allowed.includes(p[0])) found.push(`${p[0]} in: ${line.trim()}`);
    // A one-word code standing alone, with no Latin word beside it on the line: "身份证件：
    // passport ••••4567", a table cell "fulfilled". Unless it is an ordinary word of the fixed text.
    for (const m of line.matchAll(isolatedRe)) {
      if (!new RegExp(`\\b${escape(m[1]!)}\\b`).test(allowed))
        found.push(`${m[1]} (alone) in: ${line.trim()}`);
    }
    // Country and language codes of the parties, bare in a cell, are codes too.
    for (const cell of line.trim().split(/\s{2,}|\s\/\s|[:：]\s*/))
      if (/^(EG|IR|CN|ar|fa|zh)$/.test(cell.trim()))
        found.push(`${cell} (cell) in: ${line.trim()}`);
  }
  return found;
}

beforeAll(async () => {
  warmDocumentEngine();
  t = await buildTestApp({ config: { publicUrl: 'https://accord.example' } });
  triCase = await createDocumentCase(t.database.db, {
    lang: 'ar',
    status: 'breached',
    extraParties: [foreignParty.fa],
    // Every text translated into Arabic and Persian, except the responsibilities, which have
    // Arabic only: the Persian column must say so.
    content: (() => {
      const c = agreementContentFor(['ar', 'fa']);
      delete c.responsibilities.translations.fa;
      return c;
    })(),
  });
  const db = t.database.db;
  await createCourtFiling(db, {
    orgId: triCase.orgId,
    caseId: triCase.caseId,
    courtId: triCase.courtId,
    kind: 'confirmation',
  });
  await createCourtFiling(db, {
    orgId: triCase.orgId,
    caseId: triCase.caseId,
    courtId: triCase.courtId,
    kind: 'litigation',
  });
  await db
    .insertInto('follow_ups')
    .values({
      id: newId(),
      org_id: triCase.orgId,
      case_id: triCase.caseId,
      due_on: '2026-05-04',
      done_at: '2026-05-04T02:00:00.000Z',
      method: 'phone',
    })
    .execute();
  // An upload the dossier cannot show (readFile finds nothing): its placeholder page is printed.
  await createUploadedFile(db, t.database.dataDir, {
    orgId: triCase.orgId,
    caseId: triCase.caseId,
    kind: 'evidence',
    filename: 'ledger.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: null,
  });
  // A corrected record, with the reason no interpreter was present ("三必").
  const people = [
    { kind: 'party' as const, id: triCase.partyIds[0]!, name: 'أحمد محمود', role: 'applicant' },
    { kind: 'mediator' as const, id: triCase.leadId, name: 'Karim Haddad', role: 'lead' },
  ];
  await db
    .updateTable('mediation_sessions')
    .set({
      interpreter_present: 0,
      record_json: sessionRecordJson({
        lang: 'zh',
        text: '双方确认货物存在质量问题。',
        translations: { ar: 'أكد الطرفان وجود مشكلة في جودة البضائع.' },
        attendees: people,
        recordedBy: newId(),
        recordedAt: '2026-02-05T03:30:00.000Z',
        interpreterAbsence: {
          reason: '翻译临时生病，当事人同意由阿拉伯语调解员直接沟通。',
          recordedBy: newId(),
          recordedByName: '李主任',
        },
        correctionReason: '更正了赔偿金额的笔误。',
      }),
    })
    .where('id', '=', triCase.sessionId)
    .execute();
});
afterAll(async () => t.close());

async function bundle(): Promise<CaseDocumentBundle> {
  const b = await findCaseDocumentBundle(t.database.db, triCase.caseId);
  if (!b) throw new Error('no bundle');
  return b;
}

const options = (lang: string) => ({
  lang,
  publicUrl: 'https://accord.example',
  printedAt: '2026-06-01T00:00:00.000Z',
  keyring: loadFieldKeyring(t.deps.config),
});

const dossierKinds = new Set([
  'agreement',
  'notice-of-rights',
  'session-record',
  'confirmation-application',
]);

describe('documents in every language', () => {
  it('every code of every list has a printed name in every document language', () => {
    const lists: [keyof typeof codeTables, readonly string[]][] = [
      ['category', caseCategories],
      ['status', caseStatuses],
      ['caseSource', caseSources],
      ['partyRole', partyRoleCodes],
      ['idDocumentType', idDocumentTypes],
      ['signatureMethod', signatureMethods],
      ['teamRole', teamRoles],
      ['sessionMode', sessionModeCodes],
      ['followUpMethod', followUpMethods],
      ['filingKind', filingKindCodes],
    ];
    const missing = lists.flatMap(([list, values]) =>
      documentLanguages.flatMap((lang) =>
        values
          .filter((v) => {
            const label = codeLabel(list, v, lang);
            return label === '—' || label === v;
          })
          .map((v) => `${list}.${v} [${lang}]`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('the raw-code check finds codes in their code forms, not ordinary words', () => {
    expect(rawCodesIn('Karim Haddad (lead)', 'en')).toHaveLength(1);
    expect(rawCodesIn('纠纷类型  contract / goods_quality', 'zh')).toHaveLength(1);
    expect(rawCodesIn('身份证件：passport ••••4567', 'zh')).toHaveLength(1);
    expect(rawCodesIn('状态    fulfilled', 'fr')).toHaveLength(1);
    expect(rawCodesIn('国籍  EG', 'zh')).toHaveLength(1);
    expect(rawCodesIn('People’s Mediation Committee (seal)', 'en')).toEqual([]);
    expect(rawCodesIn('Lead mediator: Karim Haddad', 'en')).toEqual([]);
  });

  it('no document kind, in any of the 8 languages, prints a raw code', async () => {
    const b = await bundle();
    const leaks: string[] = [];
    for (const lang of documentLanguages) {
      // The dossier below holds the agreement, notice, session record and court application.
      for (const kind of documentKinds.filter((k) => !dossierKinds.has(k))) {
        const built = buildDocumentData(kind, b, options(lang));
        expect(built, `${kind} is available for the case`).toBeDefined();
        const { pdf } = renderTypstDocument(built!.template, built!.data);
        leaks.push(...rawCodesIn(pdfText(pdf), lang).map((l) => `${kind} [${lang}]: ${l}`));
      }
      // The dossier adds the cover, contents, intake register, follow-up record and back cover.
      const dossier = await assembleDossier({
        bundle: b,
        options: options(lang),
        readFile: async () => undefined,
      });
      leaks.push(...rawCodesIn(pdfText(dossier.pdf), lang).map((l) => `dossier [${lang}]: ${l}`));
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it('prints the agreement in Chinese, Arabic and Persian, and says where a translation is missing', async () => {
    const built = buildDocumentData('agreement', await bundle(), options('ar'))!;
    const text = plain(pdfText(renderTypstDocument(built.template, built.data).pdf));
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('买方购买鞋类500箱');
    expect(compact).toContain('卖方自费取回有缺陷的货物');
    for (const ar of ['جودة البضائع', 'يستعيد البائع البضائع المعيبة']) expect(text).toContain(ar);
    // (pdftotext splits the lam-alef ligature, so the Persian words avoid it.)
    for (const fa of ['کیفیت', 'غرامت', 'انتقال بانکی']) expect(text).toContain(fa);
    // Persian labels, and the Persian column's note for the responsibilities it lacks.
    expect(text).toContain('ترجمه ارائه نشده است');
    // The amount in words in Chinese, Arabic and Persian (n2words), figures per locale.
    expect(compact).toContain('美元壹万贰仟元整');
    expect(text).toContain('اثنا عشر ألف');
    expect(text).toContain('دوازده هزار');
    expect(built.filename).toBe('agreement-v1-zh-ar-fa.pdf');
  });

  it('session record: local time with its zone, interpreter absence and correction reason', async () => {
    const built = buildDocumentData('session-record', await bundle(), options('ar'))!;
    const text = plain(pdfText(renderTypstDocument(built.template, built.data).pdf));
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('10:00');
    expect(compact).toContain('中国标准时间');
    expect(text).toContain('Asia/Shanghai');
    expect(text).not.toMatch(/02:00 UTC/);
    expect(compact).toContain('翻译临时生病');
    expect(compact).toContain('更正了赔偿金额的笔误');
    expect(compact).toContain('未安排翻译人员的原因');
    expect(text).toContain('سبب عدم حضور مترجم');
  });

  it('dossier cover and register in the language asked for', async () => {
    const b = await bundle();
    const fr = await assembleDossier({
      bundle: b,
      options: options('fr'),
      readFile: async () => undefined,
    });
    const text = plain(pdfText(fr.pdf));
    expect(text).toContain('Dossier de médiation');
    expect(text).toContain('Table des matières');
    expect(text).toContain('Le fichier manque dans le dépôt de documents');
    expect(text).toContain('Registre d’enregistrement');
    expect(text).toContain('Non respecté');
    expect(text).not.toContain('Mediation Case File');
    // The "三必" reason reaches the dossier with the session record.
    expect(text.replace(/\s+/g, '')).toContain('翻译临时生病');
  });

  // The reference pages of docs/documents (README) are rendered on every run; they are written
  // there only with ACCORD_DOCUMENT_SAMPLES=1 npx vitest run <this file>.
  it('renders the reference agreement pages (two pages each)', async () => {
    const out =
      process.env.ACCORD_DOCUMENT_SAMPLES === '1'
        ? fileURLToPath(new URL('../../docs/documents/', import.meta.url))
        : mkdtempSync(join(tmpdir(), 'accord-samples-'));
    const ru = await createDocumentCase(t.database.db, { lang: 'ru', status: 'breached' });
    const ruBundle = (await findCaseDocumentBundle(t.database.db, ru.caseId))!;
    const samples: [CaseDocumentBundle, string | undefined][] = [
      [await bundle(), undefined],
      [ruBundle, undefined],
      ...(['en', 'es', 'fr', 'tr'] as const).map((l): [CaseDocumentBundle, string] => [
        ruBundle,
        l,
      ]),
    ];
    for (const [b, lang] of samples) {
      const built = buildDocumentData('agreement', b, { ...options('zh'), lang })!;
      const name = built.filename.replace(/^agreement-v\d+-/, 'agreement-').replace(/\.pdf$/, '');
      const { pdf } = renderTypstDocument(built.template, built.data);
      // The first two pages: the parties, the sections and the points in every column.
      execFileSync(
        'pdftoppm',
        ['-png', '-r', '80', '-f', '1', '-l', '2', '-', join(out, `${name}-page`)],
        {
          input: pdf,
        },
      );
      expect(existsSync(join(out, `${name}-page-1.png`)), name).toBe(true);
      expect(existsSync(join(out, `${name}-page-2.png`)), name).toBe(true);
    }
    if (process.env.ACCORD_DOCUMENT_SAMPLES !== '1') rmSync(out, { recursive: true });
  }, 120_000);
});
