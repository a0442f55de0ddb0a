import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { loadBundledFonts, systemFontDirs } from './document-fonts.js';
import { sanitizeDocumentData } from './sanitize-document-text.js';

export type TemplateName =
  | 'agreement'
  | 'certificate'
  | 'confirmation-application'
  | 'litigation-referral'
  | 'session-record'
  | 'notice-of-rights'
  | 'dossier-cover'
  | 'dossier-back-cover'
  | 'intake-register'
  | 'follow-up-record'
  | 'uploaded-file-placeholder';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

/**
 * One compiler per process, created on first use: loading and indexing the fonts takes about a
 * second, after which a document compiles in milliseconds (typst memoises layout across runs).
 * The napi compiler is synchronous, so calls never interleave.
 */
let compiler: NodeCompiler | undefined;

function warmCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({
    fontArgs: [{ fontBlobs: loadBundledFonts() }, { fontPaths: systemFontDirs() }],
  });
  return compiler;
}

const templateCache = new Map<TemplateName, string>();

function templateSource(name: TemplateName): string {
  let src = templateCache.get(name);
  if (src === undefined) {
    const read = (file: string) =>
      readFileSync(fileURLToPath(new URL(`./templates/${file}`, import.meta.url)), 'utf8');
    // The shared helpers are prepended rather than imported: the compiler runs on in-memory
    // main files, without a workspace on disk.
    src = read('common.typ') + '\n' + read(`${name}.typ`);
    templateCache.set(name, src);
  }
  return src;
}

/**
 * Typesets `data` with a template. Every user-supplied string travels inside one JSON value
 * (`sys.inputs.data`) that the template reads with `json(...)`: typst treats it as a string,
 * never as markup, so a party called `#set page(width: 1pt)` or `]` is printed as written.
 */
export function renderTypstDocument(name: TemplateName, data: unknown): RenderedPdf {
  const c = warmCompiler();
  const result = c.compile({
    mainFileContent: templateSource(name),
    inputs: { data: JSON.stringify(sanitizeDocumentData(data)) },
  });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const diagnostics = result.takeDiagnostics()?.shortDiagnostics ?? [];
    throw new Error(`typst template ${name} failed: ${JSON.stringify(diagnostics).slice(0, 2000)}`);
  }
  const pdf = c.pdf(doc, { creationTimestamp: 0 });
  // Bounded memo cache: documents differ in their data, so old layouts are rarely reused.
  c.evictCache(30);
  return { pdf, pages: doc.numOfPages };
}

/** Loads the fonts now, so that the first request does not pay for it. */
export function warmDocumentEngine(): void {
  warmCompiler();
}
