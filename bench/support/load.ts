import autocannon from 'autocannon';
import type { LoadSettings } from '../types.js';

export type Measurement = { requestsPerSecond: number; p99Ms: number; requests: number; warmupRequests: number };

/** A POST instead of a GET; `[<id>]` in the body becomes a fresh random id per request when idReplacement is on. */
export type RequestShape = { method: 'POST'; body: string; headers: Record<string, string>; idReplacement?: boolean };

/** How an answer is checked: the exact bytes, or (for pages with per-visitor tokens) a module's verdict. */
export type BodyCheck = string | { verifyModule: string };

/**
 * Fires GET requests at `url` from a worker thread (so the load generator does not share the
 * servers' event loop) for a warm-up, then for the measured duration. Any error, non-2xx answer or
 * unexpected body fails the measurement: a fast wrong answer is not a result.
 */
export async function measure(url: string, expectedBody: BodyCheck, settings: LoadSettings, request?: RequestShape): Promise<Measurement> {
  const base = { url, connections: settings.connections, pipelining: 1, workers: 1, timeout: 10, ...(request ?? {}) };
  const warmup = await autocannon({ ...base, duration: settings.warmupSeconds });
  // In worker mode autocannon takes the verifier as a module path and requires it in the worker.
  const check = typeof expectedBody === 'string' ? { expectBody: expectedBody } : { verifyBody: expectedBody.verifyModule as unknown as (body: string | Buffer | undefined) => boolean };
  const result = await autocannon({ ...base, duration: settings.durationSeconds, ...check });
  const failures = result.errors + result.non2xx + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `${url}: ${result.errors} connection errors, ${result.non2xx} non-2xx answers, ${result.mismatches} unexpected bodies out of ${result.requests.total} requests.`,
    );
  }
  if (result.requests.total === 0) throw new Error(`${url}: no request completed.`);
  return { requestsPerSecond: result.requests.total / result.duration, p99Ms: result.latency.p99, requests: result.requests.total, warmupRequests: warmup['2xx'] };
}

/** Alternates the target and the baseline so that a burst of noise on the shared machine hits both alike. */
export async function measurePair(
  target: { url: string; body: BodyCheck },
  baseline: { url: string; body: BodyCheck },
  settings: LoadSettings,
  log: (message: string) => void,
): Promise<{ target: Measurement; baseline: Measurement }> {
  let best: { target: Measurement; baseline: Measurement } | undefined;
  for (let round = 1; round <= settings.rounds; round++) {
    const b = await measure(baseline.url, baseline.body, settings);
    const t = await measure(target.url, target.body, settings);
    log(`  round ${round}: target ${Math.round(t.requestsPerSecond)} req/s p99 ${t.p99Ms} ms; baseline ${Math.round(b.requestsPerSecond)} req/s p99 ${b.p99Ms} ms`);
    best = {
      target: !best || t.requestsPerSecond > best.target.requestsPerSecond ? t : best.target,
      baseline: !best || b.requestsPerSecond > best.baseline.requestsPerSecond ? b : best.baseline,
    };
  }
  if (!best) throw new Error('rounds must be at least 1');
  return best;
}
