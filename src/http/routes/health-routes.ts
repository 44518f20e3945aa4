import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { pingDatabase } from '../../db/repositories/health-repository.js';
import type { ZodApp } from '../zod-app.js';

export function registerHealthRoutes(app: ZodApp, db: Db, config: Config): void {
  // Single flight: requests that arrive while a ping is on its way share its answer, so a load
  // balancer polling hard costs one query at a time, and no answer is older than one round trip.
  let inflight: Promise<void> | null = null;
  const ping = (): Promise<void> => {
    inflight ??= pingDatabase(db, 2000).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('postgresql'), version: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.literal('postgresql'), version: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ping();
        return { status: 'ok' as const, database: 'postgresql' as const, version: config.version };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: 'postgresql' as const, version: config.version });
      }
    },
  );
}
