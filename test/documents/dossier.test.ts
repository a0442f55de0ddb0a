import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmDocumentEngine } from '../../src/documents/render-typst-document.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createOrg, createUser } from '../support/factories.js';
import { createDocumentCase, createUploadedFile } from '../support/document-factories.js';

let t: TestApp;
let officerToken: string;
let partyToken: string;
let dc: Awaited<ReturnType<typeof createDocumentCase>>;
const uploads: Record<string, string> = {};

const login = async (email: string, password: string) =>
  (
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  ).json().token as string;
const get = (url: string, token = officerToken) =>
  t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
const pageText = (pdf: Buffer, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-', '-'], {
    input: pdf,
  })
    .toString('utf8')
    .replace(/\s+/g, '');

async function evidencePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2])
    doc
      .addPage([400, 300])
      .drawText(`EVIDENCE-INVOICE-PAGE-${n}`, { x: 20, y: 150, size: 14, font });
  return Buffer.from(await doc.save());
}

beforeAll(async () => {
  // Font loading happens once per process; do it in the hook, not inside the first test.
  warmDocumentEngine();
  t = await buildTestApp();
  const db = t.database.db;
  const orgId = (await createOrg(db)).id;
  const officer = await createUser(db, { orgId, role: 'officer' });
  officerToken = await login(officer.email, officer.password);
  dc = await createDocumentCase(db, { lang: 'ar', orgId });
  const partyUser = await createUser(db);
  await db
    .updateTable('case_parties')
    .set({ user_id: partyUser.id })
    .where('id', '=', dc.partyIds[0]!)
    .execute();
  partyToken = await login(partyUser.email, partyUser.password);

  const dataDir = t.deps.config.dataDir;
  const pdf = await evidencePdf();
  const pngDir = mkdtempSync(join(tmpdir(), 'accord-png-'));
  writeFileSync(join(pngDir, 'e.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '20',
    '-singlefile',
    join(pngDir, 'e.pdf'),
    join(pngDir, 'photo'),
  ]);
  const png = readFileSync(join(pngDir, 'photo.png'));
  const base = { orgId, caseId: dc.caseId };
  uploads.pdf = (
    await createUploadedFile(db, dataDir, {
      ...base,
      kind: 'evidence',
      filename: 'invoice.pdf',
      mediaType: 'application/pdf',
      bytes: pdf,
    })
  ).sha256;
  uploads.png = (
    await createUploadedFile(db, dataDir, {
      ...base,
      kind: 'evidence',
      filename: 'photo.png',
      mediaType: 'image/png',
      bytes: png,
    })
  ).sha256;
  uploads.xlsx = (
    await createUploadedFile(db, dataDir, {
      ...base,
      kind: 'evidence',
      filename: 'ledger.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from('PK\u0003\u0004 not really a workbook'),
    })
  ).sha256;
  uploads.broken = (
    await createUploadedFile(db, dataDir, {
      ...base,
      kind: 'identity',
      filename: 'passport-scan.pdf',
      mediaType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 truncated garbage'),
    })
  ).sha256;
  await createUploadedFile(db, dataDir, {
    ...base,
    kind: 'evidence',
    filename: 'lost.jpg',
    mediaType: 'image/jpeg',
    bytes: null,
  });
});
afterAll(async () => t.close());

describe('dossier', () => {
  it('assembles cover, contents with correct page numbers, every part in order, uploads as pages', async () => {
    // English beside the Chinese on the cover: left to right, so the text comes out in order.
    const res = await get(`/api/v1/cases/${dc.caseId}/dossier.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const pdf = res.rawPayload;
    const total = (await PDFDocument.load(pdf)).getPageCount();
    const all = pageText(pdf);
    const order = [
      '人民调解卷宗',
      '卷内目录',
      '人民调解受理登记表',
      '人民调解权利义务告知书',
      'EVIDENCE-INVOICE-PAGE-1',
      'EVIDENCE-INVOICE-PAGE-2',
      '调解笔录',
      '调解协议书',
      '备考表',
    ];
    let at = -1;
    for (const marker of order) {
      const i = all.indexOf(marker, at + 1);
      expect(i, marker).toBeGreaterThan(at);
      at = i;
    }
    expect(all).toContain('ledger.xlsx');
    expect(all).toContain('passport-scan.pdf');
    expect(all).toContain('lost.jpg');
    // The cover's labels are Chinese with the requested language below them.
    expect(all).toMatch(new RegExp(`卷内页数[^0-9]{0,40}${total}`));
    expect(all).toContain(`本卷共${total}页`);

    // The contents page says where each part starts; every part is where it says.
    const toc = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', '-', '-'], {
      input: pdf,
    })
      .toString('utf8')
      .split('\n')
      .map((l) => /^\s*\d+\s+(\S+)\s+(\d+)\s+(\d+)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: m[1]!, start: Number(m[2]), pages: Number(m[3]) }));
    const expectedOnFirstPage: Record<string, string> = {
      受理登记表: '人民调解受理登记表',
      权利义务告知书: '人民调解权利义务告知书',
      当事人身份证明: 'passport-scan.pdf',
      证据材料: 'EVIDENCE-INVOICE-PAGE-1',
      调解笔录: '调解笔录',
      调解协议书: '调解协议书',
      备考表: '备考表',
    };
    expect(toc.map((r) => r.title)).toEqual(Object.keys(expectedOnFirstPage));
    for (const row of toc) {
      const text = pageText(pdf, row.start);
      expect(text, row.title).toContain(expectedOnFirstPage[row.title]);
      expect(text).toContain(`${row.start}/${total}`);
    }
    expect(toc.at(-1)!.start + toc.at(-1)!.pages - 1).toBe(total);
    // A generous limit, not a speed assertion: the first render in a process loads the fonts,
    // and a dossier renders a dozen parts on a shared CI machine.
  }, 180_000);

  it('ships dossier.zip with the PDF, the original files byte for byte and a checkable manifest', async () => {
    const res = await get(`/api/v1/cases/${dc.caseId}/dossier.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const dir = mkdtempSync(join(tmpdir(), 'accord-zip-'));
    writeFileSync(join(dir, 'd.zip'), res.rawPayload);
    execFileSync('unzip', ['-q', 'd.zip'], { cwd: dir });
    // sha256sum -c fails (throws) on any mismatch.
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const byName = (suffix: string) =>
      manifest.files.find((f: { path: string }) => f.path.endsWith(suffix));
    expect(byName('invoice.pdf').sha256).toBe(uploads.pdf);
    expect(byName('photo.png').sha256).toBe(uploads.png);
    expect(byName('lost.jpg').status).toBe('missing');
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    expect(sums).toContain(
      createHash('sha256')
        .update(readFileSync(join(dir, 'dossier.pdf')))
        .digest('hex'),
    );
  }, 180_000);

  it('is for the committee and the court: a party gets 403, an outsider 404', async () => {
    expect((await get(`/api/v1/cases/${dc.caseId}/dossier.pdf`, partyToken)).statusCode).toBe(403);
    expect(
      (await get(`/api/v1/cases/${dc.caseId}/documents/confirmation-application.pdf`, partyToken))
        .statusCode,
    ).toBe(403);
    expect(
      (await get(`/api/v1/cases/${dc.caseId}/documents/agreement.pdf`, partyToken)).statusCode,
    ).toBe(200);
    const stranger = await createUser(t.database.db, {
      orgId: (await createOrg(t.database.db)).id,
      role: 'director',
    });
    const token = await login(stranger.email, stranger.password);
    expect((await get(`/api/v1/cases/${dc.caseId}/dossier.zip`, token)).statusCode).toBe(404);
  }, 180_000);
});
