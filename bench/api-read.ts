// api-read: GET /api/v1/cases/{id} as an officer (auth, policy, a full case) against a bare
// route returning a constant JSON body of the same size, in the same server process.
import { engineFromArgs, runLoad, signInAs, startBenchServer } from './http-bench-harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);

for (const engine of engineFromArgs(process.argv)) {
  const server = await startBenchServer(engine);
  try {
    const token = await signInAs(server.url, 'officer@demo.example');
    const auth = { authorization: `Bearer ${token}` };
    // The fullest case the demo history has: agreed and performed, with team, sessions,
    // agreement, payments and follow-up.
    let caseId: string | undefined;
    for (const status of ['fulfilled', 'performing', 'agreed', 'in_mediation', 'submitted']) {
      const list = (await (
        await fetch(`${server.url}/api/v1/cases?status=${status}&limit=1`, { headers: auth })
      ).json()) as {
        items: { id: string }[];
      };
      caseId = list.items[0]?.id;
      if (caseId) break;
    }
    if (!caseId) throw new Error('no case to read; is the demo history seeded?');
    const url = `${server.url}/api/v1/cases/${caseId}`;
    const sample = await (await fetch(url, { headers: auth })).text();
    await fetch(`${server.url}/bench/bare-set-body`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sample,
    });

    // Warm both paths, then measure them back to back.
    await runLoad({ url, headers: auth, seconds: 2 });
    await runLoad({ url: `${server.url}/bench/bare-read`, seconds: 2 });
    const real = await runLoad({ url, headers: auth, seconds });
    const bare = await runLoad({ url: `${server.url}/bench/bare-read`, seconds });
    if (real.non2xx) throw new Error(`${real.non2xx} non-2xx answers from the case route`);
    console.log(
      JSON.stringify({
        bench: 'api-read',
        engine,
        body_bytes: sample.length,
        rps: real.rps,
        bare_rps: bare.rps,
        ratio: Number((real.rps / bare.rps).toFixed(3)),
        p99_ms: real.p99_ms,
        bare_p99_ms: bare.p99_ms,
      }),
    );
  } finally {
    await server.stop();
  }
}
