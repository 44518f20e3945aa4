import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Services } from '../../domain/create-services.js';

export type MetricsOptions = {
  services: Services;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | undefined;
  /** Restarts of the embedded PostgreSQL by this process (absent with DATABASE_URL). */
  databaseRestarts?: () => number;
};

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(`Bearer ${expected}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in the Prometheus text format (prom-client): request rates and latencies per route,
 * the database pool, the outbox and mail attempts, plus Node's own (memory, event-loop lag, CPU).
 * Each process reports its own numbers; Prometheus adds them up across processes. One registry per
 * app, so that tests building many apps do not share counters.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const { services } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'unionhall_' });

  const requests = new Counter({ name: 'unionhall_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'unionhall_http_request_duration_seconds',
    help: 'Time from the request to the end of the answer, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'unionhall_db_pool_connections',
    help: 'Database pool: open connections (total), idle ones, and requests waiting for one (waiting).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = services.stats.pool();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  // Registered after the outbox gauge, whose query sets it (a registry collects in order).
  const databaseUp = new Gauge({ name: 'unionhall_database_up', help: '1 when the last scrape could query the database, else 0.', registers: [] });
  new Gauge({
    name: 'unionhall_mail_outbox_messages',
    help: 'Messages the outbox still has to send over SMTP (pending), and those among them whose last attempt failed (retrying).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      try {
        const s = await services.stats.outbox();
        this.set({ state: 'pending' }, s.pending);
        this.set({ state: 'retrying' }, s.retrying);
        databaseUp.set(1);
      } catch {
        // The database is down: say so, and keep the outbox's last known numbers.
        databaseUp.set(0);
      }
    },
  });
  registry.registerMetric(databaseUp);
  let reported = { sent: 0, failed: 0 };
  new Counter({
    name: 'unionhall_mail_attempts_total',
    help: 'SMTP delivery attempts made by this process, by outcome (sent, failed).',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      const now = services.stats.mail();
      this.inc({ outcome: 'sent' }, now.sent - reported.sent);
      this.inc({ outcome: 'failed' }, now.failed - reported.failed);
      reported = now;
    },
  });
  if (options.databaseRestarts) {
    const restarts = options.databaseRestarts;
    new Gauge({
      name: 'unionhall_embedded_postgres_restarts',
      help: 'Times this process started its embedded PostgreSQL again after it died.',
      registers: [registry],
      collect() {
        this.set(restarts());
      },
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the path itself: ids and slugs would make a series per page.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (options.token !== undefined && !sameToken(request.headers.authorization, options.token)) {
      return reply.status(401).header('www-authenticate', 'Bearer').send({ error: { code: 'unauthenticated', message: 'This endpoint needs the metrics token.' } });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
