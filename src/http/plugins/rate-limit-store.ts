import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RouteRateLimits } from '../../db/route-rate-limits.js';

type Incr = FastifyRateLimitStore['incr'];

/**
 * The @fastify/rate-limit store on PostgreSQL (src/db/route-rate-limits.ts): each route's window
 * per client is one row that every app process counts into, the client named by a keyed hash. A database that cannot be reached
 * fails the request with a 503 (the plugin's skipOnError stays off): a limit that silently stops
 * holding during an outage would be worse than the outage.
 */
export function postgresRateLimitStore(limits: RouteRateLimits, secret: string): FastifyRateLimitStoreCtor {
  // The client's key (its address) is stored as a keyed hash (decision 0046): a dump taken while a
  // window is open would otherwise list the addresses that just sent the card form. Every process
  // shares the secret (decision 0022), so they still count into the same row.
  const pseudonym = (key: string): string => createHmac('sha256', secret).update(`rate-limit:${key}`).digest('base64url');
  class PostgresStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = '',
    ) {}

    incr(key: string, callback: Parameters<Incr>[1], timeWindow: number): void {
      limits.hit(`${this.route}|${pseudonym(key)}`, timeWindow).then(
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
