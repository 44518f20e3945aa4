import { and, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { mailMessages, mailSuppressions, newsletterSubscribers, newsletters } from '../schema/index.js';

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
    /** Which of these addresses are active subscribers in one of `langs` (they get the issue as subscribers). */
    async findActiveAmong(campaignId: string, addresses: readonly string[], langs: readonly string[]): Promise<Set<string>> {
      if (addresses.length === 0) return new Set();
      const rows = await db
        .select({ email: newsletterSubscribers.email })
        .from(newsletterSubscribers)
        .where(and(eq(newsletterSubscribers.campaignId, campaignId), active, inArray(newsletterSubscribers.email, [...addresses]), inArray(newsletterSubscribers.lang, langs as ('en' | 'es')[])));
      return new Set(rows.map((r) => r.email));
    },
    async countActive(campaignId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(newsletterSubscribers).where(and(eq(newsletterSubscribers.campaignId, campaignId), active));
      return row?.n ?? 0;
    },
    async countUnsubscribedSince(campaignId: string, since: Date): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(newsletterSubscribers).where(and(eq(newsletterSubscribers.campaignId, campaignId), gte(newsletterSubscribers.unsubscribedAt, since)));
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
    /** Active subscribers by language, and how many of them a hard bounce took off the list. */
    async countAudience(campaignId: string): Promise<{ lang: string; count: number; suppressed: number }[]> {
      const result = await db.execute<{ lang: string; count: number; suppressed: number }>(sql`
        select s.lang, count(*)::int as count, count(x.address)::int as suppressed
          from ${newsletterSubscribers} s
          left join ${mailSuppressions} x on x.campaign_id = s.campaign_id and x.address = s.email
         where s.campaign_id = ${campaignId} and s.confirmed_at is not null and s.unsubscribed_at is null
         group by s.lang order by s.lang`);
      return result.rows;
    },
    /**
     * Records one message per active subscriber of the campaign whose language is one of `langs`
     * and whose address never hard-bounced, in one statement (no list of subscribers passes through
     * the application). Each message is the text around the subscriber's own one-click unsubscribe
     * link, `?s={id}&t={HMAC-SHA256(key, prefix || id)}`, signed here with sha256() from the key's
     * padded blocks; it carries that link in List-Unsubscribe (RFC 8058) and in `link`, which the
     * shared HTML body (`bodyId`) gets at delivery. Returns how many messages were recorded.
     */
    async recordIssueMails(input: {
      campaignId: string;
      newsletterId: string;
      kind: string;
      subject: string;
      langs: readonly string[];
      text: { before: string; after: string };
      bodyId: string;
      headers: Record<string, string>;
      fromName: string | null;
      replyTo: string | null;
      unsubscribeUrl: string;
      token: { key: { inner: Buffer; outer: Buffer }; prefix: string };
      delivery: { transport: 'smtp' | 'outbox'; attempts: number; nextAttemptAt: Date | null };
    }): Promise<number> {
      const { token, delivery } = input;
      const signature = sql`translate(rtrim(encode(sha256(${token.key.outer}::bytea || sha256(${token.key.inner}::bytea || convert_to(${token.prefix}::text || s.id::text, 'UTF8'))), 'base64'), '='), '+/', '-_')`;
      const result = await db.execute(sql`
        with links as (
          select s.email, ${input.unsubscribeUrl}::text || '?s=' || s.id::text || '&t=' || ${signature} as url
            from ${newsletterSubscribers} s
           where s.campaign_id = ${input.campaignId} and s.confirmed_at is not null and s.unsubscribed_at is null
             and s.lang = any(${`{${input.langs.join(',')}}`}::text[])
             and not exists (select 1 from ${mailSuppressions} x where x.campaign_id = s.campaign_id and x.address = s.email)
        )
        insert into ${mailMessages} (campaign_id, newsletter_id, kind, to_address, subject, text_body, body_id, link, from_name, reply_to, headers, transport, attempts, next_attempt_at)
        select ${input.campaignId}::uuid, ${input.newsletterId}::uuid, ${input.kind}::text, l.email, ${input.subject}::text, ${input.text.before}::text || l.url || ${input.text.after}::text,
               ${input.bodyId}::uuid, l.url, ${input.fromName}::text, ${input.replyTo}::text,
               ${JSON.stringify(input.headers)}::jsonb || jsonb_build_object('List-Unsubscribe', '<' || l.url || '>', 'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
               ${delivery.transport}::text, ${delivery.attempts}::int, ${delivery.nextAttemptAt}::timestamptz
          from links l`);
      return result.rowCount ?? 0;
    },
  };
}

export type NewsletterSubscribersRepository = ReturnType<typeof createNewsletterSubscribersRepository>;
