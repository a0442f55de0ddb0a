import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCommittee, createTeamCase, type Committee } from '../support/agreement-factories.js';
import { createUploadedFile } from '../support/document-factories.js';
import { openTableFingerprint, changedTables } from '../support/table-fingerprint.js';
import { ensureWebBuild } from '../web/web-harness.js';
import { testEngine } from '../support/test-database.js';

/**
 * Issue #9 point 3: uploads are bounded, typed by their content, named safely and stored by
 * hash; zip bombs and polyglots are refused (ADR 0016); stored files are only ever downloaded
 * as sandboxed attachments; every HTML page and API answer carries the strict CSP.
 */
const UPLOAD_LIMIT = 256 * 1024;

let t: TestApp;
let k: Committee;
let caseId: string;

const OOXML_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

async function zip(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) z.addBuffer(e.data, e.name);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A minimal Word document with extra entries. */
const docx = (extra: { name: string; data: Buffer }[] = []) =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from(OOXML_TYPES) },
    { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ...extra,
  ]);

/** Rewrites every central-directory entry's declared uncompressed size (offset 24). */
function declareUncompressedSize(bytes: Buffer, size: number): Buffer {
  const out = Buffer.from(bytes);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = out.indexOf(signature); at >= 0; at = out.indexOf(signature, at + 4)) {
    out.writeUInt32LE(size, at + 24);
  }
  return out;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(200, 1),
  Buffer.from([0xff, 0xd9]),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(file: Buffer, filename: string) {
  const boundary = '----accordupload' + Math.random().toString(16).slice(2);
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const upload = (file: Buffer, filename = 'evidence.bin') => {
  const m = multipart(file, filename);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    headers: { ...k.as.officer, 'content-type': m.contentType },
    payload: m.payload,
  });
};

const storedFiles = () => {
  const root = join(t.database.dataDir, 'documents');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
};

beforeAll(async () => {
  t = await buildTestApp({ config: { uploadLimitBytes: UPLOAD_LIMIT } });
  k = await createCommittee(t.database.db);
  caseId = (await createTeamCase(t.database.db, k)).id;
});
afterAll(async () => t?.close());

describe(`uploads (${testEngine})`, () => {
  it('accepts ordinary evidence, typed from the content, stored by hash under a safe name', async () => {
    for (const [bytes, type] of [
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
      [PDF, 'application/pdf'],
      [await docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const r = await upload(bytes, '../../../../etc/passwd.exe');
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().mediaType).toBe(type);
      // The client's name is a label only: no directories, the true extension.
      expect(r.json().filename).toMatch(/^passwd\.(png|jpg|pdf|docx)$/);
    }
    const row = await t.database.db
      .selectFrom('documents')
      .select(['storage_key', 'sha256'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toBe(`documents/${row.sha256.slice(0, 2)}/${row.sha256}`);
    expect(storedFiles().every((f) => f.startsWith(join(t.database.dataDir, 'documents')))).toBe(
      true,
    );
  });

  it('strips bidirectional and invisible characters from the displayed name', async () => {
    const r = await upload(PDF, 'invoice\u202Egpj\u200B.exe');
    expect(r.statusCode).toBe(201);
    expect(r.json().filename).toBe('invoicegpj.pdf');
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(UPLOAD_LIMIT + 1, 0x20)]);
    const r = await upload(big, 'big.pdf');
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  const refused: [string, () => Promise<Buffer> | Buffer, string][] = [
    [
      'a zip bomb by ratio (2 MB of zeros in a few KB)',
      () => docx([{ name: 'word/media/zeros.bin', data: Buffer.alloc(2_000_000) }]),
      'zip_bomb',
    ],
    [
      'a zip that declares 4 × 1 GB uncompressed',
      async () =>
        declareUncompressedSize(
          await docx([
            { name: 'word/a.xml', data: Buffer.from('a') },
            { name: 'word/b.xml', data: Buffer.from('b') },
          ]),
          1_000_000_000,
        ),
      'zip_bomb',
    ],
    [
      'a zip with 300 entries that each stay under the ratio floor but sum past 200 MB',
      async () =>
        declareUncompressedSize(
          await docx(
            Array.from({ length: 300 }, (_, i) => ({
              name: `word/part${i}.xml`,
              data: Buffer.from(`<p>${i}</p>`),
            })),
          ),
          1_000_000,
        ),
      'zip_bomb',
    ],
    [
      'a zip-slip entry name',
      async () => {
        const b = await docx([{ name: 'xx/evil.txt', data: Buffer.from('x') }]);
        // Same length, so every offset stays right: `xx/` becomes `../` in both headers.
        return Buffer.from(b.toString('latin1').replaceAll('xx/evil.txt', '../evil.txt'), 'latin1');
      },
      'zip_malformed',
    ],
    [
      'a document with macros',
      () => docx([{ name: 'word/vbaProject.bin', data: Buffer.from('macro') }]),
      'zip_macro',
    ],
    [
      'a document carrying another archive',
      () => docx([{ name: 'word/embeddings/payload.zip', data: Buffer.from('PK') }]),
      'zip_nested_archive_or_program',
    ],
    [
      'a PDF that is also an HTML page',
      () =>
        Buffer.from(
          '%PDF-1.4\n<html><body><script>fetch("/api/v1/me")</script></body></html>\n%%EOF\n',
        ),
      'polyglot_markup',
    ],
    [
      'a JPEG with an SVG onload payload in its comment',
      () =>
        Buffer.concat([
          JPEG.subarray(0, 20),
          Buffer.from('<svg onload=alert(1)>'),
          JPEG.subarray(20),
        ]),
      'polyglot_markup',
    ],
    [
      'a JPEG with a zip appended (GIFAR-style)',
      async () => Buffer.concat([JPEG, await zip([{ name: 'a.class', data: Buffer.from('x') }])]),
      'polyglot_archive',
    ],
    [
      'a PNG with a zip appended',
      async () => Buffer.concat([PNG, await zip([{ name: 'index.html', data: Buffer.from('x') }])]),
      'polyglot_archive',
    ],
  ];

  it.each(refused)('refuses %s, writing nothing', async (_label, make, reason) => {
    const bytes = await make();
    const fingerprint = await openTableFingerprint(t.database.db);
    const before = await fingerprint.take();
    const filesBefore = storedFiles().length;
    const r = await upload(bytes, 'evidence.docx');
    expect(r.statusCode, r.body).toBe(415);
    expect(r.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(r.json().error.details).toEqual({ reason });
    expect(changedTables(before, await fingerprint.take())).toEqual([]);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it('refuses HTML and SVG outright', async () => {
    for (const [bytes, name] of [
      [Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'page.html'],
      [
        Buffer.from(
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        ),
        'image.svg',
      ],
    ] as const) {
      // Text-looking markup is accepted only as plain text, served as such (never as a page).
      const r = await upload(bytes, name);
      if (r.statusCode === 201) {
        expect(r.json().mediaType).toBe('text/plain');
        expect(r.json().filename).toMatch(/\.txt$/);
      } else {
        expect(r.statusCode).toBe(415);
      }
    }
  });

  it('serves stored files only as sandboxed, unsniffable attachments, whatever was stored', async () => {
    const svg = await createUploadedFile(t.database.db, t.database.dataDir, {
      orgId: k.orgId,
      caseId,
      kind: 'evidence',
      filename: 'legacy.svg',
      mediaType: 'image/svg+xml',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    });
    const html = await createUploadedFile(t.database.db, t.database.dataDir, {
      orgId: k.orgId,
      caseId,
      kind: 'evidence',
      filename: 'legacy.html',
      mediaType: 'text/html',
      bytes: Buffer.from('<script>alert(1)</script>'),
    });
    const uploaded = (await upload(PNG, 'photo.png')).json();
    for (const [id, type] of [
      [svg.id, 'application/octet-stream'],
      [html.id, 'application/octet-stream'],
      [uploaded.id, 'image/png'],
    ]) {
      const r = await t.app.inject({
        url: `/api/v1/cases/${caseId}/documents/${id}/content`,
        headers: k.as.officer,
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(type);
      expect(String(r.headers['content-disposition'])).toMatch(/^attachment;/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    }
  });
});

describe('Content-Security-Policy', () => {
  beforeAll(async () => {
    // The HTML pages exist only with a web build; a stale or missing one is rebuilt.
    await ensureWebBuild();
  }, 600_000);

  const directives = (header: string | string[] | number | undefined) =>
    Object.fromEntries(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );

  it('is strict on the HTML pages (/ and a client route) and on API answers', async () => {
    const { buildApp } = await import('../../src/http/build-app.js');
    // A fresh app, so the web routes see the build made above.
    const app = await buildApp(t.deps, { logger: false });
    await app.ready();
    try {
      for (const url of ['/', '/cases/some-client-route', '/api/health', '/api/v1/me']) {
        const r = await app.inject({ url });
        if (!url.startsWith('/api')) {
          expect(r.statusCode).toBe(200);
          expect(r.headers['content-type']).toMatch(/^text\/html/);
        }
        const csp = directives(r.headers['content-security-policy']);
        expect(csp['default-src'], url).toEqual(["'self'"]);
        expect(csp['script-src'], url).toEqual(["'self'"]);
        expect(csp['object-src'], url).toEqual(["'none'"]);
        expect(csp['frame-ancestors'], url).toEqual(["'none'"]);
        expect(csp['base-uri'], url).toEqual(["'self'"]);
        expect(csp['form-action'], url).toEqual(["'self'"]);
        expect(String(r.headers['content-security-policy'])).not.toMatch(/unsafe-eval/);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
      }
    } finally {
      await app.close();
    }
  });
});
