import { sql } from 'drizzle-orm';
import { startBenchApp } from '../support/app-server.js';
import { startBareServer } from '../support/bare-server.js';
import { formatMs, formatRate, formatRatio } from '../support/format.js';
import { measure, type Measurement, type RequestShape } from '../support/load.js';
import type { Benchmark } from '../types.js';

const HAL = 'application/hal+json; charset=utf-8';

// The OSDI record-signature helper (POST /api/v1/petitions/:id/signatures: validation, rate
// limits, a signature and its confirmation email written durably by the group commit) against a
// bare node:http server answering the same bytes. Every request signs with a new address, and
// every acknowledged signature is counted in the database afterwards: a fast answer that was not
// committed is not a result.
export const petitionSignBenchmark: Benchmark = {
  name: 'petition-sign',
  description: 'OSDI record-signature helper (durable, group commit) vs a bare node:http server answering the same bytes',
  async run(context) {
    const app = await startBenchApp(context, { petitionIpHoldPerHour: 10_000_000, petitionIpLimitPerMinute: 10_000_000, petitionEmailLimitPerHour: 10_000_000 });
    const { services, database } = app.runtime;
    const campaign = await services.repositories.campaigns.create({ slug: 'bench', name: 'Bench campaign', isDefault: true });
    const petition = await services.repositories.petitions.create(
      campaign.id,
      { slug: 'bench', title: 'Bench petition', text: 'Benchmark.', target: 'Nobody', goal: 1_000_000, published: true },
      new Date(),
    );
    if (!petition) throw new Error('could not create the bench petition');

    const path = `/api/v1/petitions/${petition.id}/signatures`;
    const shape: RequestShape = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        person: { given_name: 'Bench', family_name: 'Signer', email_addresses: [{ address: 'bench-[<id>]@bench.example' }], postal_addresses: [{ postal_code: '90011' }] },
        comments: 'Benchmark signature',
      }),
      idReplacement: true,
    };
    const probe = await fetch(`${app.url}${path}`, { method: 'POST', headers: shape.headers, body: shape.body.replace('[<id>]', 'probe') });
    const body = await probe.text();
    if (probe.status !== 200 || body !== '{}') throw new Error(`the signing helper answered ${probe.status}: ${body}`);
    const bareUrl = await startBareServer(context, body, probe.headers.get('content-type') ?? HAL);

    const stored = async (): Promise<number> => {
      const result = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from petition_signatures where email like 'bench-%@bench.example'`);
      return result.rows[0]?.n ?? 0;
    };

    const { load } = context;
    context.log(`petition-sign: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s, ${load.rounds} rounds`);
    let best: { target: Measurement; baseline: Measurement } | undefined;
    let acknowledged = 0;
    const before = await stored();
    // A fresh server and database: JIT, the prepared statement on every pooled connection and the
    // first index pages warm up here, so that round 1 measures the same thing as round 2.
    const prewarm = await measure(`${app.url}${path}`, body, { ...load, warmupSeconds: 1, durationSeconds: 3 }, shape);
    acknowledged += prewarm.requests + prewarm.warmupRequests;
    for (let round = 1; round <= load.rounds; round++) {
      const b = await measure(`${bareUrl}${path}`, body, load, shape);
      const t = await measure(`${app.url}${path}`, body, load, shape);
      acknowledged += t.requests + t.warmupRequests;
      context.log(`  round ${round}: target ${Math.round(t.requestsPerSecond)} req/s p99 ${t.p99Ms} ms; baseline ${Math.round(b.requestsPerSecond)} req/s p99 ${b.p99Ms} ms`);
      best = {
        target: !best || t.requestsPerSecond > best.target.requestsPerSecond ? t : best.target,
        baseline: !best || b.requestsPerSecond > best.baseline.requestsPerSecond ? b : best.baseline,
      };
    }
    if (!best) throw new Error('rounds must be at least 1');
    // autocannon may stop while answers are in flight: those rows exist without being counted, so
    // the database holds at least as many as were acknowledged, never fewer.
    const committed = (await stored()) - before;
    if (committed < acknowledged) throw new Error(`${acknowledged - committed} acknowledged signatures are missing from the database`);
    context.log(`  durability: ${acknowledged} acknowledged, ${committed} in the database`);

    const { target, baseline } = best;
    return [
      {
        name: `petition sign (OSDI, ${load.connections} conns)`,
        value: `${formatRate(target.requestsPerSecond)}, p99 ${formatMs(target.p99Ms)}`,
        comparison: `${formatRatio(target.requestsPerSecond, baseline.requestsPerSecond)} bare node:http ${formatRate(baseline.requestsPerSecond)}, p99 ${formatMs(baseline.p99Ms)}`,
      },
    ];
  },
};
