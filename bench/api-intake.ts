// api-intake: POST /api/v1/cases (a full application: validation, reference number, parties,
// consents, encryption, audit row and outbox row) against a bare route doing one raw INSERT of
// a row the same size through the same driver, in the same server process.
import { engineFromArgs, runLoad, startBenchServer } from './http-bench-harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
let n = 0;
const application = () =>
  JSON.stringify({
    category: 'goods_quality',
    summary: `Defective phone cases, order ${++n}`,
    description:
      'The buyer received 2,000 phone cases with cracked edges and asks for a refund of the price.',
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
        email: `buyer${n}@example.com`,
      },
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌市宏达饰品商行',
        country: 'CN',
        languages: ['zh'],
        preferredLanguage: 'zh',
        email: `seller${n}@example.cn`,
      },
    ],
    consents: ['processing', 'cross_border'],
  });

for (const engine of engineFromArgs(process.argv)) {
  // The load comes from one address (127.0.0.1), so the per-IP limit on applications is off:
  // left on at its highest setting, one address would gather thousands of counted events and
  // every check would count them all, which production never sees (refused applications are
  // not counted, so an address holds at most the limit, 20 by default).
  const server = await startBenchServer(engine, { ACCORD_INTAKE_PER_IP_PER_HOUR: '0' });
  try {
    await runLoad({
      url: `${server.url}/api/v1/cases`,
      method: 'POST',
      body: application,
      seconds: 2,
    });
    await runLoad({
      url: `${server.url}/bench/bare-insert`,
      method: 'POST',
      body: application,
      seconds: 2,
    });
    const real = await runLoad({
      url: `${server.url}/api/v1/cases`,
      method: 'POST',
      body: application,
      seconds,
    });
    const bare = await runLoad({
      url: `${server.url}/bench/bare-insert`,
      method: 'POST',
      body: application,
      seconds,
    });
    if (real.non2xx) throw new Error(`${real.non2xx} non-2xx answers from intake`);
    console.log(
      JSON.stringify({
        bench: 'api-intake',
        engine,
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
