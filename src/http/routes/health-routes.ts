import type { Config } from '../../config.js';
import { healthContract } from '../../contracts/health.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { checkDatabase } from '../../domain/system/check-database.js';
import { operation } from '../operation.js';
import type { ZodApp } from '../zod-app.js';

const c = healthContract;

export function registerHealthRoutes(app: ZodApp, services: Services, config: Config): void {
  // Single flight: requests that arrive while a ping is on its way share its answer, so a load
  // balancer polling hard costs one query at a time, and no answer is older than one round trip.
  let inflight: Promise<void> | null = null;
  const ping = (): Promise<void> => {
    inflight ??= services.read(checkDatabase, anonymousRequester(null), { timeoutMs: 2000 }).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const schema = operation('checkHealth', c.checkHealth, { tags: ['system'], security: 'public' });
  // The 503 says the same thing as the 200, in the same shape, rather than the usual error body.
  app.get('/healthz', { schema: { ...schema, response: { ...schema.response, 503: c.checkHealth.unavailable } } }, async (_request, reply) => {
    try {
      await ping();
      return { status: 'ok' as const, database: 'postgresql' as const, version: config.version };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, database: 'postgresql' as const, version: config.version });
    }
  });
}
