// `npm run soak -- --minutes 30 [--engine sqlite|postgres] [--concurrency 4]`: runs the real server
// (`accord start` with the demo committee) as a child process on 127.0.0.1, drives mixed traffic at
// a fixed concurrency, samples the server's resident memory from /proc/<pid>/status after a
// warm-up and at the end, prints one JSON line and exits non-zero if memory grew by
// --max-growth-pct (default 10) or more, or if any request failed. It stops by itself.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    engine: { type: 'string', default: 'sqlite' },
    concurrency: { type: 'string', default: '4' },
    'max-growth-pct': { type: 'string', default: '10' },
    'sample-seconds': { type: 'string', default: '5' },
    // Start-up seeds the demo history (1,772 cases): minutes on PostgreSQL on a loaded machine.
    'ready-timeout-seconds': { type: 'string', default: '900' },
  },
});
const minutes = Number(args.minutes);
const engine = args.engine;
const concurrency = Number(args.concurrency);
const maxGrowthPct = Number(args['max-growth-pct']);
const sampleMs = Number(args['sample-seconds']) * 1000;
const readyTimeoutMs = Number(args['ready-timeout-seconds']) * 1000;
if (
  !(minutes > 0) ||
  !(concurrency >= 1) ||
  !(maxGrowthPct > 0) ||
  !(sampleMs > 0) ||
  !(readyTimeoutMs > 0)
) {
  console.error('soak: every numeric option must be a number > 0');
  process.exit(2);
}
if (engine !== 'sqlite' && engine !== 'postgres') {
  console.error('soak: --engine must be sqlite or postgres');
  process.exit(2);
}

const durationMs = minutes * 60_000;
// The first part of the run fills caches, JIT and connection pools; growth is measured after it.
const warmupMs = Math.min(120_000, durationMs * 0.25);
const adminUrl = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'accord-soak-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  PORT: String(port),
  HOST: '127.0.0.1',
  ACCORD_DATA_DIR: dataDir,
  ACCORD_DEMO: '1',
  ACCORD_LOG_LEVEL: 'warn',
  ACCORD_PUBLIC_URL: base,
  // Every anonymous application comes from 127.0.0.1 here; the per-IP limit would refuse them.
  ACCORD_INTAKE_PER_IP_PER_HOUR: '0',
};
delete env.DATABASE_URL;
let dbName: string | undefined;
if (engine === 'postgres') {
  dbName = 'accord_soak_' + randomBytes(5).toString('hex');
  await adminQuery(`create database ${dbName}`);
  const u = new URL(adminUrl);
  u.pathname = '/' + dbName;
  env.DATABASE_URL = u.toString();
}

// Node itself, not npx, so that /proc/<pid> is the server and SIGTERM reaches it.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
const serverLog: string[] = [];
const keepLog = (d: Buffer) => {
  serverLog.push(...d.toString().split('\n').filter(Boolean));
  if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
};
server.stdout!.on('data', keepLog);
server.stderr!.on('data', keepLog);
let serverExited = false;
server.on('exit', () => (serverExited = true));

async function cleanUp(): Promise<void> {
  if (!serverExited) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
}

function rssMb(): { rss: number; anon: number } {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

let requests = 0;
const failures: string[] = [];
const byKind: Record<string, number> = {};

async function call(
  kind: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; expect?: number[] } = {},
): Promise<Response> {
  requests++;
  byKind[kind] = (byKind[kind] ?? 0) + 1;
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(base + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  if (!(opts.expect ?? [200]).includes(r.status)) {
    const text = await r.text();
    if (failures.length < 20)
      failures.push(`${kind} ${method} ${path} → ${r.status} ${text.slice(0, 200)}`);
    else failures.push(kind);
    throw new Error('soak request failed');
  }
  return r;
}

async function signIn(email: string): Promise<string> {
  const r = await call('sign-in', 'POST', '/api/v1/auth/login', {
    body: { email, password: 'accord-demo' },
  });
  return ((await r.json()) as { token: string }).token;
}

// A deterministic generator per worker, so two runs send the same mix.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let applicationSeq = 0;
const application = () => {
  const n = ++applicationSeq;
  return {
    category: 'goods_quality',
    summary: `Soak: defective phone cases, order ${n}`,
    description: 'The buyer received 2,000 phone cases with cracked edges and asks for a refund.',
    claimedAmount: { amount: '12000.00', currency: 'USD' },
    source: 'application',
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: 'Ahmed Mansour',
        country: 'EG',
        languages: ['ar', 'en'],
        preferredLanguage: 'ar',
        email: `soak-buyer${n}@example.com`,
      },
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌市宏达饰品商行',
        country: 'CN',
        languages: ['zh'],
        preferredLanguage: 'zh',
        email: `soak-seller${n}@example.cn`,
      },
    ],
    consents: ['processing', 'cross_border'],
  };
};

interface Tokens {
  officer: string;
  director: string;
  mediator: string;
}

/**
 * One client: a weighted mix of reads, anonymous intake, lifecycle actions on the cases this
 * client created (so that clients never race each other into 409s), figures and documents.
 */
async function runClient(id: number, tokens: Tokens, until: number): Promise<void> {
  const rnd = random(1000 + id);
  const mine: { id: string; accepted: boolean }[] = [];
  const knownIds: string[] = [];
  while (Date.now() < until && !serverExited) {
    const x = rnd();
    try {
      if (x < 0.25) {
        const r = await call('list', 'GET', '/api/v1/cases?limit=20', { token: tokens.officer });
        const body = (await r.json()) as { items: { id: string }[] };
        knownIds.splice(0, knownIds.length, ...body.items.map((c) => c.id));
      } else if (x < 0.5 && knownIds.length) {
        const caseId = knownIds[Math.floor(rnd() * knownIds.length)]!;
        await call('case-page', 'GET', `/api/v1/cases/${caseId}`, { token: tokens.officer });
      } else if (x < 0.62) {
        const r = await call('intake', 'POST', '/api/v1/cases', {
          body: application(),
          expect: [201],
        });
        mine.push({ id: ((await r.json()) as { id: string }).id, accepted: false });
      } else if (x < 0.72 && mine.some((c) => !c.accepted)) {
        const c = mine.find((m) => !m.accepted)!;
        const page = await call('case-page', 'GET', `/api/v1/cases/${c.id}`, {
          token: tokens.officer,
        });
        const { version } = (await page.json()) as { version: number };
        await call('accept', 'POST', `/api/v1/cases/${c.id}/accept`, {
          token: tokens.officer,
          body: { version, reason: 'Within the committee’s scope; both parties reachable.' },
        });
        c.accepted = true;
      } else if (x < 0.8) {
        await call('stats', 'GET', '/api/v1/stats/summary', { token: tokens.director });
      } else if (x < 0.85) {
        await call('public-figures', 'GET', '/api/v1/public/summary');
      } else if (x < 0.9) {
        await call('my-cases', 'GET', '/api/v1/me/cases', { token: tokens.mediator });
      } else if (x < 0.94 && mine.some((c) => c.accepted)) {
        // The notice of rights exists once a case is accepted.
        const accepted = mine.filter((c) => c.accepted);
        const c = accepted[Math.floor(rnd() * accepted.length)]!;
        const r = await call(
          'document',
          'GET',
          `/api/v1/cases/${c.id}/documents/notice-of-rights.pdf`,
          { token: tokens.officer },
        );
        await r.arrayBuffer();
      } else if (x < 0.97) {
        await call('notifications', 'GET', '/api/v1/notifications', { token: tokens.officer });
      } else {
        // A full sign-in and sign-out: password hashing and session rows under load.
        const t = await signIn('officer@demo.example');
        await call('sign-out', 'POST', '/api/v1/auth/logout', { token: t, expect: [204] });
      }
      // Keep per-client memory bounded over a long run.
      if (mine.length > 200) mine.splice(0, mine.length - 200);
    } catch (e) {
      if (!(e instanceof Error && e.message === 'soak request failed')) {
        failures.push(`${String(e)}`);
      }
      if (serverExited) return;
    }
  }
}

let exitCode = 0;
try {
  const readyBy = Date.now() + readyTimeoutMs;
  for (;;) {
    if (serverExited) throw new Error('server exited before it was ready');
    try {
      if ((await fetch(base + '/api/health')).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > readyBy) {
      throw new Error(`server not ready within ${readyTimeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tokens: Tokens = {
    officer: await signIn('officer@demo.example'),
    director: await signIn('director@demo.example'),
    mediator: await signIn('mediator@demo.example'),
  };

  const started = Date.now();
  const until = started + durationMs;
  const samples: { at: number; rss: number; anon: number }[] = [];
  const sampler = setInterval(() => {
    if (!serverExited) samples.push({ at: Date.now() - started, ...rssMb() });
  }, sampleMs);
  await Promise.all(Array.from({ length: concurrency }, (_, i) => runClient(i, tokens, until)));
  clearInterval(sampler);
  if (serverExited) failures.push('server exited during the soak');
  else samples.push({ at: Date.now() - started, ...rssMb() });

  // Medians of three samples at each end smooth out where the garbage collector happened to be.
  const after = samples.filter((s) => s.at >= warmupMs);
  const head = after.slice(0, 3);
  const tail = after.slice(-3);
  const rssStart = head.length ? median(head.map((s) => s.rss)) : NaN;
  const rssEnd = tail.length ? median(tail.map((s) => s.rss)) : NaN;
  const growth = ((rssEnd - rssStart) / rssStart) * 100;
  const result = {
    soak: engine,
    minutes,
    concurrency,
    requests,
    rps: Math.round(requests / ((Date.now() - started) / 1000)),
    errors: failures.length,
    rss_start_mb: Number(rssStart.toFixed(1)),
    rss_end_mb: Number(rssEnd.toFixed(1)),
    growth_pct: Number(growth.toFixed(2)),
    rss_anon_start_mb: head.length ? Number(median(head.map((s) => s.anon)).toFixed(1)) : null,
    rss_anon_end_mb: tail.length ? Number(median(tail.map((s) => s.anon)).toFixed(1)) : null,
    warmup_s: Math.round(warmupMs / 1000),
    samples: samples.length,
    by_kind: byKind,
  };
  console.log(JSON.stringify(result));
  if (failures.length) {
    console.error('soak: failed requests (first 20):\n  ' + failures.slice(0, 20).join('\n  '));
    exitCode = 1;
  }
  if (!Number.isFinite(growth)) {
    console.error('soak: too few memory samples after the warm-up; run longer');
    exitCode = 1;
  } else if (growth >= maxGrowthPct) {
    console.error(`soak: resident memory grew ${growth.toFixed(1)}% (limit ${maxGrowthPct}%)`);
    exitCode = 1;
  }
} catch (e) {
  console.error('soak:', e instanceof Error ? e.message : e);
  console.error('server log (last lines):\n' + serverLog.slice(-30).join('\n'));
  exitCode = 1;
} finally {
  await cleanUp();
}
if (exitCode && failures.length)
  console.error('server log (last lines):\n' + serverLog.slice(-30).join('\n'));
process.exit(exitCode);
