#!/usr/bin/env node
// `npm start` runs this first: it builds the web application only when dist/web is missing or
// older than any file under src/web (or the build configuration), so a fresh clone serves the UI
// and a restart without changes starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const inputs = ['src/web', 'vite.config.ts'].map((p) => join(root, p)).filter(existsSync);
const sourceTime = Math.max(...inputs.map(newestMtime));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

console.log('Building the web application (dist/web)…');
const r = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
