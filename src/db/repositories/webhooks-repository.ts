import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { webhookDeliveries, webhooks } from '../schema/index.js';
import type { WebhookEvent } from '../../vocabulary/api-keys.js';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type DueDelivery = { id: string; body: string; event: WebhookEvent; attempts: number; createdAt: Date; url: string; secret: string };

// Webhooks and their deliveries (decision 0032): the outbox of events, beside mail's.
export function createWebhooksRepository(db: Executor) {
  return {
    async insert(input: { campaignId: string; url: string; events: WebhookEvent[]; secret: string; createdAt: Date }): Promise<WebhookRow> {
      const [row] = await db.insert(webhooks).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async listLive(campaignId: string): Promise<WebhookRow[]> {
      return db.select().from(webhooks).where(and(eq(webhooks.campaignId, campaignId), isNull(webhooks.removedAt))).orderBy(desc(webhooks.createdAt));
    },
    async remove(campaignId: string, id: string, at: Date): Promise<WebhookRow | undefined> {
      const [row] = await db
        .update(webhooks)
        .set({ removedAt: at })
        .where(and(eq(webhooks.campaignId, campaignId), eq(webhooks.id, id), isNull(webhooks.removedAt)))
        .returning();
      return row;
    },
    /** One delivery per live webhook of the campaign that wants the event, due now; how many. */
    async enqueue(campaignId: string, event: WebhookEvent, body: string, at: Date): Promise<number> {
      const result = await db.execute(sql`
        insert into ${webhookDeliveries} (webhook_id, event, body, created_at, next_attempt_at)
        select w.id, ${event}, ${body}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
          from ${webhooks} w
         where w.campaign_id = ${campaignId} and w.removed_at is null and ${event} = any(w.events)`);
      return result.rowCount ?? 0;
    },
    async listDeliveries(campaignId: string, limit: number): Promise<(WebhookDeliveryRow & { url: string })[]> {
      const rows = await db
        .select({ delivery: webhookDeliveries, url: webhooks.url })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(eq(webhooks.campaignId, campaignId))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(limit);
      return rows.map((r) => ({ ...r.delivery, url: r.url }));
    },
    /** Claims due deliveries (SKIP LOCKED: two processes never send one twice at once), counting the attempt. */
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
      const due = db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(isNull(webhookDeliveries.deliveredAt), lte(webhookDeliveries.nextAttemptAt, now)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(inArray(webhookDeliveries.id, due))
        .returning();
      if (claimed.length === 0) return [];
      const hooks = await db.select().from(webhooks).where(inArray(webhooks.id, [...new Set(claimed.map((c) => c.webhookId))]));
      const byId = new Map(hooks.map((h) => [h.id, h]));
      return claimed.flatMap((c) => {
        const hook = byId.get(c.webhookId);
        return hook ? [{ id: c.id, body: c.body, event: c.event, attempts: c.attempts, createdAt: c.createdAt, url: hook.url, secret: hook.secret }] : [];
      });
    },
    async markDelivered(id: string, status: number, at: Date): Promise<void> {
      await db.update(webhookDeliveries).set({ deliveredAt: at, lastStatus: status, lastError: null, nextAttemptAt: null }).where(eq(webhookDeliveries.id, id));
    },
    /** `retryAt` null: give up and keep the error. */
    async markFailed(id: string, status: number | null, error: string, retryAt: Date | null): Promise<void> {
      await db.update(webhookDeliveries).set({ lastStatus: status, lastError: error, nextAttemptAt: retryAt }).where(eq(webhookDeliveries.id, id));
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
