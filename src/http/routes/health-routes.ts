import type { Config } from '../../config.js';
import { healthContract as c } from '../../contracts/health.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { checkDatabase } from '../../domain/system/check-database.js';
import { operation } from '../operation.js';
import type { ZodApp } from '../zod-app.js';

/** Whether the process is shutting down (SIGTERM): it finishes what it has and takes nothing new. */
export type Lifecycle = { draining: () => boolean };

export function registerHealthRoutes(app: ZodApp, services: Services, config: Config, lifecycle: Lifecycle): void {
  // Single flight: requests that arrive while a ping is on its way share its answer, so a load
  // balancer polling hard costs one query at a time, and no answer is older than one round trip.
  let inflight: Promise<void> | null = null;
  const ping = (): Promise<void> => {
    inflight ??= services.read(checkDatabase, anonymousRequester(null), { timeoutMs: 2000 }).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  // Liveness: the process and its event loop answer. Nothing else is asked of it.
  app.get('/healthz', { schema: operation('checkLiveness', c.checkLiveness, { tags: ['system'], security: 'public' }) }, async () => ({ status: 'ok' as const, version: config.version }));

  // Readiness: the database answers and the process is not shutting down. The 503 says so in the
  // same terms as the 200, rather than the usual error body.
  const readiness = operation('checkReadiness', c.checkReadiness, { tags: ['system'], security: 'public' });
  app.get('/readyz', { schema: { ...readiness, response: { ...readiness.response, 503: c.checkReadiness.unready } } }, async (_request, reply) => {
    const up = await ping().then(
      () => true,
      () => false,
    );
    const draining = lifecycle.draining();
    if (up && !draining) return { status: 'ready' as const, database: 'up' as const, version: config.version };
    return reply.status(503).send({ status: 'unavailable' as const, database: up ? ('up' as const) : ('down' as const), draining, version: config.version });
  });
}
