// `npm run bench -- <name> [args…]` runs bench/<name>.ts; `npm run bench` runs every bench in
// this folder one after the other. Support modules shared by benches are named *-harness.ts or
// serve-*.ts and are not benches themselves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const isBench = (file: string) =>
  file.endsWith('.ts') &&
  file !== 'run.ts' &&
  !file.endsWith('-harness.ts') &&
  !file.startsWith('serve-');

const [name, ...rest] = process.argv.slice(2);
const names = name
  ? [name]
  : readdirSync(here)
      .filter(isBench)
      .map((f) => f.slice(0, -3))
      .sort();

let failed = false;
for (const n of names) {
  const file = join(here, `${n}.ts`);
  if (!/^[a-z0-9-]+$/.test(n) || !existsSync(file) || !isBench(`${n}.ts`)) {
    process.stderr.write(`bench: no such benchmark "${n}" (bench/<name>.ts)\n`);
    process.exitCode = 2;
    failed = true;
    continue;
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
if (failed && !process.exitCode) process.exitCode = 1;
