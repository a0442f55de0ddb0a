import { ZipFile } from 'yazl';
import type { Actor } from '../../domain/authorize-case-access.js';
import { sha256Hex } from '../../documents/store/document-store.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import type { UseCaseContext } from '../use-case-context.js';
import { generateCaseDossier } from './generate-case-dossier.js';

// eslint-disable-next-line no-control-regex
const unsafeInZip = /[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g;

/** A name safe inside a ZIP on every platform: no path, no control or reserved characters. */
function safeEntryName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const clean = base.replace(unsafeInZip, '_').slice(0, 120);
  return clean.replace(/^\.+/, '_') || 'file';
}

/**
 * dossier.zip: the dossier PDF, every original uploaded file byte for byte, and a manifest
 * of SHA-256 values (`SHA256SUMS`, the format `sha256sum -c` reads, plus manifest.json).
 */
export async function generateCaseDossierZip(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; lang?: string },
): Promise<{ zip: Buffer; filename: string }> {
  const dossier = await generateCaseDossier(ctx, opts);
  const zip = new ZipFile();
  const mtime = new Date(ctx.clock.now());
  const manifest: {
    path: string;
    sha256: string;
    sizeBytes: number;
    status: 'included' | 'missing';
  }[] = [];
  const pdf = Buffer.from(dossier.pdf);
  zip.addBuffer(pdf, 'dossier.pdf', { mtime });
  manifest.push({
    path: 'dossier.pdf',
    sha256: sha256Hex(pdf),
    sizeBytes: pdf.length,
    status: 'included',
  });

  const store = openDocumentStore(ctx.config);
  const used = new Set<string>();
  for (const [i, f] of dossier.bundle.files.entries()) {
    let path = `files/${String(i + 1).padStart(3, '0')}-${safeEntryName(f.filename)}`;
    while (used.has(path)) path += '_';
    used.add(path);
    // Unchecked read: a tampered object is packed as it is and shows up as a hash mismatch.
    const bytes = await store.find(f.storageKey);
    if (!bytes) {
      manifest.push({ path, sha256: f.sha256, sizeBytes: f.sizeBytes, status: 'missing' });
      continue;
    }
    zip.addBuffer(bytes, path, { mtime });
    // The hash of the bytes actually packed, so that a tampered store shows up as a mismatch.
    manifest.push({ path, sha256: sha256Hex(bytes), sizeBytes: bytes.length, status: 'included' });
  }

  const sums = manifest
    .filter((m) => m.status === 'included')
    .map((m) => `${m.sha256}  ${m.path}`)
    .join('\n');
  zip.addBuffer(Buffer.from(sums + '\n'), 'SHA256SUMS', { mtime });
  zip.addBuffer(
    Buffer.from(
      JSON.stringify({ reference: dossier.bundle.case.reference, files: manifest }, null, 2),
    ),
    'manifest.json',
    { mtime },
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { zip: Buffer.concat(chunks), filename: `dossier-${dossier.bundle.case.id}.zip` };
}
