import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
  let dbName: string | undefined;
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...extraEnv };
  delete env.DATABASE_URL;
  if (engine === 'postgres') {
    dbName = 'accord_bench_' + randomBytes(5).toString('hex');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = '/' + dbName;
    env.DATABASE_URL = u.toString();
  }
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/serve-for-bench.ts'],
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
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (dbName) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
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
