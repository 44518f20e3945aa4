import path from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../src/demo/demo-steps.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { startBenchApp } from '../support/app-server.js';
import { startBareServer } from '../support/bare-server.js';
import { formatMs, formatRate, formatRatio } from '../support/format.js';
import { measurePair } from '../support/load.js';
import type { Benchmark, BenchContext, Figure } from '../types.js';

// The two pages a crowd arrives at, each answer with a fresh per-visitor CSRF token (and, on the
// petition, a fresh proof-of-work challenge): autocannon keeps no cookies, so every request is a
// new visitor, the worst case. The body check refuses any token seen before, so a page served
// whole from a cache fails the run. Baseline: a bare node:http server serving one such page.
// Goals (issue 16): ≥ 0.5× the baseline, p99 ≤ 25 ms at 50 connections.
const verifyModule = path.join(path.dirname(fileURLToPath(import.meta.url)), '../support/verify-fresh-form.cjs');
const RATIO_GOAL = 0.5;
const P99_GOAL_MS = 25;

async function measureFormPage(context: BenchContext, name: string, pagePath: string, mustContain: string): Promise<Figure[]> {
  const app = await startBenchApp(context);
  context.log('Loading the demo campaign…');
  await loadDemo(app.runtime.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: app.runtime.services.now() });
  const probe = await fetch(`${app.url}${pagePath}`);
  const body = await probe.text();
  if (probe.status !== 200 || !body.includes(mustContain)) throw new Error(`GET ${pagePath} answered ${probe.status}`);
  const bareUrl = await startBareServer(context, body, probe.headers.get('content-type') ?? 'text/html; charset=utf-8');
  const { load } = context;
  context.log(`${name}: ${body.length} bytes, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s, ${load.rounds} rounds`);
  const { target, baseline } = await measurePair({ url: `${app.url}${pagePath}`, body: { verifyModule } }, { url: `${bareUrl}${pagePath}`, body }, load, context.log);
  const ratio = target.requestsPerSecond / baseline.requestsPerSecond;
  return [
    {
      name,
      value: `${formatRate(target.requestsPerSecond)}, p99 ${formatMs(target.p99Ms)}`,
      comparison: `${formatRatio(target.requestsPerSecond, baseline.requestsPerSecond)} bare node:http ${formatRate(baseline.requestsPerSecond)}, p99 ${formatMs(baseline.p99Ms)}`,
      goal: { text: `≥ ${RATIO_GOAL}× bare, p99 ≤ ${P99_GOAL_MS} ms`, met: ratio >= RATIO_GOAL && target.p99Ms <= P99_GOAL_MS },
    },
  ];
}

export const cardPageBenchmark: Benchmark = {
  name: 'card-page',
  description: 'GET /card (a fresh CSRF token per visitor) vs a bare node:http server serving one such page',
  run: (context) => measureFormPage(context, 'card page', '/card', 'name="_csrf"'),
};

export const petitionPageBenchmark: Benchmark = {
  name: 'petition-page',
  description: 'GET /petition/respect-our-choice (a fresh CSRF token and proof-of-work challenge per visitor) vs a bare node:http server serving one such page',
  run: (context) => measureFormPage(context, 'petition page', '/petition/respect-our-choice', 'data-challenge='),
};
