// scale: api-read (GET /api/v1/cases/{id} as an officer) against the production server
// `accord serve --workers N` on PostgreSQL, with 1 and then 2 app processes. Same request, same
// connections and duration; the speedup shows what a second process buys on this machine.
// Load generator, PostgreSQL and the app processes share the machine's cores: the line
// records how many there are and how busy the machine already was.
import { cpus, loadavg } from 'node:os';
import { runLoad, signInAs, startServeCluster } from './http-bench-harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function measure(workers: number) {
  const server = await startServeCluster(workers);
  try {
    const token = await signInAs(server.url, 'officer@demo.example');
    const auth = { authorization: `Bearer ${token}` };
    // The fullest case the demo history has, as in api-read.
    let caseId: string | undefined;
    for (const status of ['fulfilled', 'performing', 'agreed', 'in_mediation', 'submitted']) {
      const r = await fetch(`${server.url}/api/v1/cases?status=${status}&limit=1`, {
        headers: auth,
      });
      caseId = ((await r.json()) as { items: { id: string }[] }).items[0]?.id;
      if (caseId) break;
    }
    if (!caseId) throw new Error('no case to read; is the demo history seeded?');
    const url = `${server.url}/api/v1/cases/${caseId}`;
    // Long enough for every process to have served and compiled the route's code paths.
    await runLoad({ url, headers: auth, seconds: 3, connections });
    const r = await runLoad({ url, headers: auth, seconds, connections });
    if (r.non2xx) throw new Error(`${r.non2xx} non-2xx answers from the case route`);
    return r;
  } finally {
    await server.stop();
  }
}

const loadBefore = Number(loadavg()[0]!.toFixed(2));
const one = await measure(1);
const two = await measure(2);
console.log(
  JSON.stringify({
    bench: 'scale',
    engine: 'postgres',
    cpus: cpus().length,
    load_1min_before: loadBefore,
    connections,
    seconds,
    rps_1: one.rps,
    rps_2: two.rps,
    speedup: Number((two.rps / one.rps).toFixed(2)),
    p99_ms_1: one.p99_ms,
    p99_ms_2: two.p99_ms,
  }),
);
