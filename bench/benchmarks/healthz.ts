import { startBenchApp } from '../support/app-server.js';
import { startBareServer } from '../support/bare-server.js';
import { formatMs, formatRate, formatRatio } from '../support/format.js';
import { measurePair } from '../support/load.js';
import type { Benchmark } from '../types.js';

// GET /readyz of the real app (Fastify with every plugin, a query to PostgreSQL per request, single
// flight) against a bare node:http server answering the same bytes: the distance between them is
// what the framework, the security headers and the database round trip cost. (It measured
// /healthz until that became liveness only, without the database: decision 0023.)
export const healthzBenchmark: Benchmark = {
  name: 'healthz',
  description: 'GET /readyz of the real app vs a bare node:http server answering the same JSON',
  async run(context) {
    const app = await startBenchApp(context);
    const probe = await fetch(`${app.url}/readyz`);
    const body = await probe.text();
    if (probe.status !== 200) throw new Error(`GET /readyz answered ${probe.status}: ${body}`);
    const contentType = probe.headers.get('content-type') ?? 'application/json; charset=utf-8';
    const bareUrl = await startBareServer(context, body, contentType);

    const { load } = context;
    context.log(`healthz: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s, ${load.rounds} rounds`);
    const result = await measurePair({ url: `${app.url}/readyz`, body }, { url: `${bareUrl}/readyz`, body }, load, context.log);
    const { target, baseline } = result;
    return [
      {
        name: 'healthz',
        value: `${formatRate(target.requestsPerSecond)}, p99 ${formatMs(target.p99Ms)}`,
        comparison: `${formatRatio(target.requestsPerSecond, baseline.requestsPerSecond)} bare node:http ${formatRate(baseline.requestsPerSecond)}, p99 ${formatMs(baseline.p99Ms)}`,
      },
    ];
  },
};
