import { sql } from 'drizzle-orm';
import type { Executor } from '../client.js';

export function createHealthRepository(db: Executor) {
  return {
    async ping(timeoutMs: number): Promise<void> {
      // Bounded: a hung database must turn into a 503, not a hung health check.
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          db.execute(sql`select 1`),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
