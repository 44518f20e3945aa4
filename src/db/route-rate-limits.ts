import type pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';

export type RouteRateLimits = {
  /** Counts one hit on `key` in a window of `windowMs`; the count includes it. */
  hit: (key: string, windowMs: number) => Promise<{ count: number; resetInMs: number }>;
};

/**
 * The per-route limits (sign-in, card form, RSVP, newsletter sign-up) counted in PostgreSQL, so
 * that N app processes behind a load balancer allow the configured number, not N times it:
 * rate-limiter-flexible's PostgreSQL store, on the `rate_limits` table our migrations create.
 */
export function createRouteRateLimits(pool: pg.Pool): RouteRateLimits {
  // One limiter per window length (its duration is fixed); the limit itself is the caller's.
  const limiters = new Map<number, RateLimiterPostgres>();
  const limiterFor = (windowMs: number): RateLimiterPostgres => {
    let limiter = limiters.get(windowMs);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        // Expired windows are swept with the petition's (createRateCounter().sweep), once per process.
        clearExpiredByTimeout: false,
        keyPrefix: 'route',
        points: Number.MAX_SAFE_INTEGER,
        duration: windowMs / 1000,
      });
      limiters.set(windowMs, limiter);
    }
    return limiter;
  };
  return {
    async hit(key, windowMs) {
      // `penalty` adds a hit without refusing: @fastify/rate-limit compares the count with the route's limit.
      const res = await limiterFor(windowMs).penalty(key, 1);
      return { count: res.consumedPoints, resetInMs: Math.max(0, res.msBeforeNext) };
    },
  };
}
