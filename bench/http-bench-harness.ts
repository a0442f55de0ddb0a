import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export type BenchEngine = 'sqlite' | 'postgres';

export function engineFromArgs(argv: string[]): BenchEngine[] {
  const i = argv.indexOf('--engine');
  const v = i >= 0 ? argv[i + 1] : 'both';
  return v === 'sqlite' ? ['sqlite'] : v === 'postgres' ? ['postgres'] : ['sqlite', 'postgres'];
}

const adminUrl = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchServer {
  url: string;
  /** The server process, for reading its memory use. */
  pid?: number;
  stop(): Promise<void>;
}

/**
 * Starts bench/serve-for-bench.ts in its own process on a fresh database. Node is spawned
 * directly (not through npx) so that SIGTERM reaches the server itself.
 */
export async function startBenchServer(
  engine: BenchEngine,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete env.DATABASE_URL;
  Object.assign(env, extraEnv);
  // A DATABASE_URL in extraEnv (a cached bench database) is used as it is and kept.
  const database =
    engine === 'postgres' && !extraEnv.DATABASE_URL ? await createBenchDatabase() : undefined;
  if (database) env.DATABASE_URL = database.url;
  const child: ChildProcess = spawn(
    process.execPath,
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the server alone.
    [
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      'bench/serve-for-bench.ts',
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await database?.drop();
    },
  };
}

/** A fresh, empty PostgreSQL database for one bench run. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = 'accord_bench_' + randomBytes(5).toString('hex');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * The production server, `accord serve --workers N` (cluster primary, N app processes, no
 * bare routes), on a fresh PostgreSQL database with the demo seeded by the primary. Resolves
 * once all N processes accept connections.
 */
export async function startServeCluster(workers: number): Promise<BenchServer> {
  const database = await createBenchDatabase();
  const port = await new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--workers', String(workers)],
    {
      env: {
        ...(process.env as Record<string, string>),
        DATABASE_URL: database.url,
        ACCORD_DATA_DIR: mkdtempSync(join(tmpdir(), 'accord-bench-')),
        PORT: String(port),
        HOST: '127.0.0.1',
        ACCORD_DEMO: '1',
        ACCORD_WORKER: '0',
        ACCORD_LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      if (/app processes listening/.test(buf)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`accord serve exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      // The primary passes SIGTERM on to its app processes and exits when they have.
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(late);
      await database.drop();
    },
  };
}

export interface LoadResult {
  rps: number;
  p99_ms: number;
  non2xx: number;
}

/** One autocannon run over loopback; requests may carry a per-request body factory. */
export async function runLoad(opts: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: () => string;
  seconds?: number;
  connections?: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...opts.headers },
    duration: opts.seconds ?? 8,
    connections: opts.connections ?? 10,
    requests: opts.body
      ? [{ setupRequest: (r: Record<string, unknown>) => ({ ...r, body: opts.body!() }) }]
      : undefined,
  } as autocannon.Options);
  return {
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

export async function signInAs(url: string, email: string): Promise<string> {
  const r = await fetch(url + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'accord-demo' }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}
