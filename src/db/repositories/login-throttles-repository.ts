import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { loginThrottles } from '../schema/index.js';

export type LoginThrottleRow = typeof loginThrottles.$inferSelect;

/** Failed sign-ins per pseudonymous key (decision 0027); the rules are the domain's (login-backoff.ts). */
export function createLoginThrottlesRepository(db: Executor) {
  return {
    async find(keys: string[]): Promise<LoginThrottleRow[]> {
      return db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
    },
    /** Writes the states as given, every key in one statement. */
    async save(rows: LoginThrottleRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insert(loginThrottles)
        .values(rows)
        .onConflictDoUpdate({
          target: loginThrottles.key,
          set: { failures: sql`excluded.failures`, blockedUntil: sql`excluded.blocked_until`, lastFailureAt: sql`excluded.last_failure_at` },
        });
    },
    async clear(keys: string[]): Promise<void> {
      await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
    },
  };
}

export type LoginThrottlesRepository = ReturnType<typeof createLoginThrottlesRepository>;
