import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { newsletterSubscribers, newsletters } from '../schema/index.js';

export type SubscriberRow = typeof newsletterSubscribers.$inferSelect;

export function createNewsletterSubscribersRepository(db: Executor) {
  const active = and(isNotNull(newsletterSubscribers.confirmedAt), isNull(newsletterSubscribers.unsubscribedAt));
  return {
    /**
     * Records a request to subscribe. Returns the row when a confirmation should be mailed (new,
     * pending, or previously unsubscribed), null when the address is already subscribed.
     */
    async request(campaignId: string, email: string, lang: 'en' | 'es'): Promise<SubscriberRow | null> {
      return db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(newsletterSubscribers)
          .where(and(eq(newsletterSubscribers.campaignId, campaignId), eq(newsletterSubscribers.email, email)))
          .for('update');
        if (existing && existing.confirmedAt && !existing.unsubscribedAt) return null;
        if (existing) {
          const [row] = await tx.update(newsletterSubscribers).set({ lang, confirmedAt: null, unsubscribedAt: null }).where(eq(newsletterSubscribers.id, existing.id)).returning();
          return row ?? null;
        }
        const [row] = await tx.insert(newsletterSubscribers).values({ campaignId, email, lang }).onConflictDoNothing().returning();
        return row ?? null;
      });
    },
    async find(campaignId: string, id: string): Promise<SubscriberRow | undefined> {
      const [row] = await db.select().from(newsletterSubscribers).where(and(eq(newsletterSubscribers.campaignId, campaignId), eq(newsletterSubscribers.id, id)));
      return row;
    },
    async confirm(id: string, at: Date): Promise<void> {
      await db.update(newsletterSubscribers).set({ confirmedAt: at, unsubscribedAt: null }).where(and(eq(newsletterSubscribers.id, id), isNull(newsletterSubscribers.confirmedAt)));
    },
    async unsubscribe(id: string, at: Date): Promise<void> {
      await db.update(newsletterSubscribers).set({ unsubscribedAt: at }).where(and(eq(newsletterSubscribers.id, id), isNull(newsletterSubscribers.unsubscribedAt)));
    },
    async listActive(campaignId: string): Promise<SubscriberRow[]> {
      return db.select().from(newsletterSubscribers).where(and(eq(newsletterSubscribers.campaignId, campaignId), active));
    },
    async countActive(campaignId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(newsletterSubscribers).where(and(eq(newsletterSubscribers.campaignId, campaignId), active));
      return row?.n ?? 0;
    },
    /** Claims a newsletter for sending (once): false when it was already sent. */
    async claimSend(newsletterId: string, at: Date): Promise<boolean> {
      const rows = await db.update(newsletters).set({ sentAt: at }).where(and(eq(newsletters.id, newsletterId), isNull(newsletters.sentAt))).returning({ id: newsletters.id });
      return rows.length > 0;
    },
    async recordSent(newsletterId: string, count: number): Promise<void> {
      await db.update(newsletters).set({ sentCount: count }).where(eq(newsletters.id, newsletterId));
    },
  };
}

export type NewsletterSubscribersRepository = ReturnType<typeof createNewsletterSubscribersRepository>;
