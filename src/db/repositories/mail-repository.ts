import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { mailMessages } from '../schema/index.js';

export type MailRow = typeof mailMessages.$inferSelect;

export function createMailRepository(db: Executor) {
  return {
    async record(input: typeof mailMessages.$inferInsert): Promise<MailRow> {
      const [row] = await db.insert(mailMessages).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async markSent(id: string, messageId: string | null, at: Date): Promise<void> {
      await db.update(mailMessages).set({ sentAt: at, messageId, error: null, nextAttemptAt: null }).where(eq(mailMessages.id, id));
    },
    /** `retryAt` null: give up (a permanent refusal, or out of attempts). */
    async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
      await db.update(mailMessages).set({ error, nextAttemptAt: retryAt }).where(eq(mailMessages.id, id));
    },
    /**
     * Claims up to `limit` unsent messages whose next attempt is due: counts the attempt and pushes
     * next_attempt_at to `leaseUntil`, in one statement. SKIP LOCKED: two processes sweeping at
     * once take different rows, so a message is never sent twice at the same time.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<MailRow[]> {
      const due = db
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(and(isNull(mailMessages.sentAt), lte(mailMessages.nextAttemptAt, now), eq(mailMessages.transport, 'smtp')))
        .orderBy(asc(mailMessages.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(mailMessages)
        .set({ attempts: sql`${mailMessages.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(inArray(mailMessages.id, due))
        .returning();
    },
    async list(limit: number): Promise<MailRow[]> {
      return db.select().from(mailMessages).orderBy(desc(mailMessages.createdAt)).limit(limit);
    },
    async find(id: string): Promise<MailRow | undefined> {
      const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
      return row;
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
