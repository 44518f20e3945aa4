import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { mailMessages, newsletterSubscribers, newsletters } from '../schema/index.js';

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
    /**
     * Records one message per active subscriber of the campaign, in one statement (no list of
     * subscribers passes through the application). Each message is its language's text around the
     * subscriber's own one-click unsubscribe link, `?s={id}&t={HMAC-SHA256(key, prefix || id)}`,
     * signed here with sha256() from the key's padded blocks, and carries that link in
     * List-Unsubscribe (RFC 8058). Returns how many messages were recorded.
     */
    async recordIssueMails(input: {
      campaignId: string;
      kind: string;
      subject: string;
      texts: { lang: string; before: string; after: string }[];
      unsubscribeUrl: string;
      token: { key: { inner: Buffer; outer: Buffer }; prefix: string };
      delivery: { transport: 'smtp' | 'outbox'; attempts: number; nextAttemptAt: Date | null };
    }): Promise<number> {
      const { token, delivery } = input;
      const signature = sql`translate(rtrim(encode(sha256(${token.key.outer}::bytea || sha256(${token.key.inner}::bytea || convert_to(${token.prefix}::text || s.id::text, 'UTF8'))), 'base64'), '='), '+/', '-_')`;
      const result = await db.execute(sql`
        with texts as (
          select * from json_to_recordset(${JSON.stringify(input.texts)}::json) as t(lang text, before text, after text)
        ), links as (
          select s.email, s.lang, ${input.unsubscribeUrl}::text || '?s=' || s.id::text || '&t=' || ${signature} as url
            from ${newsletterSubscribers} s
           where s.campaign_id = ${input.campaignId} and s.confirmed_at is not null and s.unsubscribed_at is null
        )
        insert into ${mailMessages} (campaign_id, kind, to_address, subject, text_body, headers, transport, attempts, next_attempt_at)
        select ${input.campaignId}::uuid, ${input.kind}::text, l.email, ${input.subject}::text, t.before || l.url || t.after,
               jsonb_build_object('List-Unsubscribe', '<' || l.url || '>', 'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
               ${delivery.transport}::text, ${delivery.attempts}::int, ${delivery.nextAttemptAt}::timestamptz
          from links l join texts t on t.lang = l.lang`);
      return result.rowCount ?? 0;
    },
  };
}

export type NewsletterSubscribersRepository = ReturnType<typeof createNewsletterSubscribersRepository>;
