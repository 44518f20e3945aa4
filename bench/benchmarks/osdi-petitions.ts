import '../../src/demo/demo-steps.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { startBenchApp } from '../support/app-server.js';
import { startBareServer } from '../support/bare-server.js';
import { formatMs, formatRate, formatRatio } from '../support/format.js';
import { measurePair } from '../support/load.js';
import type { Benchmark } from '../types.js';

const RATIO_GOAL = 0.5;

// GET /api/v1/petitions (the OSDI petition collection, HAL) of the real app on the demo campaign
// against a bare node:http server answering the same bytes. Issue 16, goal 2: ≥ 0.5× bare.
export const osdiPetitionsBenchmark: Benchmark = {
  name: 'osdi-petitions',
  description: 'GET /api/v1/petitions (OSDI petition collection, demo campaign) of the real app vs a bare node:http server serving the same bytes',
  async run(context) {
    const app = await startBenchApp(context);
    context.log('Loading the demo campaign…');
    await loadDemo(app.runtime.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: app.runtime.services.now() });
    const url = `${app.url}/api/v1/petitions`;
    const probe = await fetch(url);
    const body = await probe.text();
    if (probe.status !== 200 || !body.includes('"osdi:petitions"') || !body.includes('total_signatures')) throw new Error(`GET /api/v1/petitions answered ${probe.status}`);
    const bareUrl = await startBareServer(context, body, probe.headers.get('content-type') ?? 'application/hal+json; charset=utf-8');

    const { load } = context;
    context.log(`osdi petitions: ${body.length} bytes, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s, ${load.rounds} rounds`);
    const { target, baseline } = await measurePair({ url, body }, { url: `${bareUrl}/`, body }, load, context.log);
    const ratio = target.requestsPerSecond / baseline.requestsPerSecond;
    return [
      {
        name: 'OSDI petition collection',
        value: `${formatRate(target.requestsPerSecond)}, p99 ${formatMs(target.p99Ms)}`,
        comparison: `${formatRatio(target.requestsPerSecond, baseline.requestsPerSecond)} bare node:http ${formatRate(baseline.requestsPerSecond)}, p99 ${formatMs(baseline.p99Ms)}`,
        goal: { text: `≥ ${RATIO_GOAL}× bare`, met: ratio >= RATIO_GOAL },
      },
    ];
  },
};
