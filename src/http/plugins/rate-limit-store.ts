import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RouteRateLimits } from '../../db/route-rate-limits.js';

type Incr = FastifyRateLimitStore['incr'];

/**
 * The @fastify/rate-limit store on PostgreSQL (src/db/route-rate-limits.ts): each route's window
 * per client is one row that every app process counts into. A database that cannot be reached
 * fails the request with a 503 (the plugin's skipOnError stays off): a limit that silently stops
 * holding during an outage would be worse than the outage.
 */
export function postgresRateLimitStore(limits: RouteRateLimits): FastifyRateLimitStoreCtor {
  class PostgresStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = '',
    ) {}

    incr(key: string, callback: Parameters<Incr>[1], timeWindow: number): void {
      limits.hit(`${this.route}|${key}`, timeWindow).then(
        (r) => callback(null, { current: r.count, ttl: r.resetInMs }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // Each route counts apart, as the plugin's own in-memory store does (one store per route).
      const info = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      const method = Array.isArray(info?.method) ? info.method.join(',') : String(info?.method ?? '');
      return new PostgresStore(undefined, `${method} ${String(info?.url ?? '')}`);
    }
  }
  return PostgresStore;
}
