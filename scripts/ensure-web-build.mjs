#!/usr/bin/env node
// `npm start` runs this first: it builds the web application only when dist/web is missing or
// older than any file under src/web (or the build configuration), so a fresh clone serves the UI
// and a restart without changes starts at once. Test files running in parallel forks may call it
// together; a lock directory makes the second wait for the first build instead of racing it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');
const lock = join(root, 'dist/.web-build-lock');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const upToDate = () => {
  const inputs = ['src/web', 'vite.config.ts'].map((p) => join(root, p)).filter(existsSync);
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs.map(newestMtime));
};

if (upToDate()) process.exit(0);

mkdirSync(join(root, 'dist'), { recursive: true });
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const deadline = Date.now() + 10 * 60_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // Another process is building; a lock older than the deadline is left over from a crash.
    if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
    sleep(1000);
    if (upToDate()) process.exit(0);
  }
}
let status = 0;
try {
  if (!upToDate()) {
    console.log('Building the web application (dist/web)…');
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build (about
    // 320 KB more), which `npm run bench -- web` would later measure: always build for production.
    status =
      spawnSync('npm', ['run', 'build:web'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      }).status ?? 1;
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
process.exit(status);
