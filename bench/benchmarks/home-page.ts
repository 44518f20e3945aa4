import '../../src/demo/demo-steps.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { startBenchApp } from '../support/app-server.js';
import { startBareServer } from '../support/bare-server.js';
import { formatMs, formatRate, formatRatio } from '../support/format.js';
import { measurePair } from '../support/load.js';
import type { Benchmark } from '../types.js';

// GET / of the real app on the demo campaign (statement, counters, latest newsletter,
// endorsements, events; rendered by React, served from the per-campaign page cache) against a bare
// node:http server answering the same bytes. Goal: 0.7× the bare server.
export const homePageBenchmark: Benchmark = {
  name: 'home-page',
  description: 'GET / (demo campaign home page) of the real app vs a bare node:http server serving the same bytes',
  async run(context) {
    const app = await startBenchApp(context);
    context.log('Loading the demo campaign…');
    await loadDemo(app.runtime.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: app.runtime.services.now() });
    const probe = await fetch(`${app.url}/`);
    const body = await probe.text();
    if (probe.status !== 200 || !body.includes('Meridian Educators United')) throw new Error(`GET / answered ${probe.status}`);
    const contentType = probe.headers.get('content-type') ?? 'text/html; charset=utf-8';
    const bareUrl = await startBareServer(context, body, contentType);

    const { load } = context;
    context.log(`home page: ${body.length} bytes, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s, ${load.rounds} rounds`);
    const { target, baseline } = await measurePair({ url: `${app.url}/`, body }, { url: `${bareUrl}/`, body }, load, context.log);
    return [
      {
        name: 'home page',
        value: `${formatRate(target.requestsPerSecond)}, p99 ${formatMs(target.p99Ms)}`,
        comparison: `${formatRatio(target.requestsPerSecond, baseline.requestsPerSecond)} bare node:http ${formatRate(baseline.requestsPerSecond)}, p99 ${formatMs(baseline.p99Ms)}`,
      },
    ];
  },
};
