import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { mailMessages } from '../schema/index.js';

export type MailRow = typeof mailMessages.$inferSelect;

export function createMailRepository(db: Db) {
  return {
    async record(input: typeof mailMessages.$inferInsert): Promise<MailRow> {
      const [row] = await db.insert(mailMessages).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async markSent(id: string, messageId: string | null, at: Date): Promise<void> {
      await db.update(mailMessages).set({ sentAt: at, messageId }).where(eq(mailMessages.id, id));
    },
    async markFailed(id: string, error: string): Promise<void> {
      await db.update(mailMessages).set({ error }).where(eq(mailMessages.id, id));
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
