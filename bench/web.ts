// web: the JavaScript a browser downloads to show a page, gzipped, from the production build
// (dist/web, built first when missing or stale). "Initial" = the entry chunk, the page's own
// lazy chunk and everything both import statically, plus the page language's messages (en).
// The budget for the public application page is 250 KB (issue 8).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist/web');

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The files a page needs before it can render: the chunks named and their static imports. */
export function initialFiles(manifest: Manifest, pageKeys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`no chunk ${key} in the build manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('no entry chunk in the build manifest');
  for (const key of [entry, ...pageKeys]) visit(key);
  return files;
}

export function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const f of files)
    if (f.endsWith('.js')) bytes += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

export function measureWebBundles(): {
  public_js_gzip_kb: number;
  officer_js_gzip_kb: number;
  director_js_gzip_kb: number;
} {
  const m = loadManifest();
  const messages = 'i18n/messages/en.json';
  return {
    public_js_gzip_kb: gzipKb(initialFiles(m, ['pages/public/ApplyPage.tsx', messages])),
    officer_js_gzip_kb: gzipKb(initialFiles(m, ['pages/officer/OfficerQueuePage.tsx', messages])),
    director_js_gzip_kb: gzipKb(
      initialFiles(m, ['pages/director/DirectorDashboardPage.tsx', messages]),
    ),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Build output goes to stderr: stdout carries only the JSON result.
  const built = spawnSync('node', [join(root, 'scripts/ensure-web-build.mjs')], {
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  console.log(JSON.stringify({ bench: 'web', ...measureWebBundles() }));
}
