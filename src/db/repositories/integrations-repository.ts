import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { apiKeys, campaigns, corsOrigins } from '../schema/index.js';
import type { ApiKeyScope } from '../../vocabulary/api-keys.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type CampaignOfKey = typeof campaigns.$inferSelect;

// API keys and the web origins allowed to call the public API from a browser (decision 0029).
export function createIntegrationsRepository(db: Executor) {
  return {
    async insertKey(input: { campaignId: string; name: string; prefix: string; tokenHash: string; scopes: ApiKeyScope[]; createdByAccountId: string; createdAt: Date }): Promise<ApiKeyRow> {
      const [row] = await db.insert(apiKeys).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async listKeys(campaignId: string): Promise<ApiKeyRow[]> {
      return db.select().from(apiKeys).where(eq(apiKeys.campaignId, campaignId)).orderBy(desc(apiKeys.createdAt));
    },

    async revokeKey(campaignId: string, keyId: string, at: Date): Promise<ApiKeyRow | undefined> {
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(apiKeys.campaignId, campaignId), eq(apiKeys.id, keyId)))
        .returning();
      return row;
    },

    /** A live key by the hash of its secret, with its campaign; marks it used. */
    async useKey(tokenHash: string, at: Date): Promise<{ key: ApiKeyRow; campaign: CampaignOfKey } | undefined> {
      const [key] = await db
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(and(eq(apiKeys.tokenHash, tokenHash), isNull(apiKeys.revokedAt)))
        .returning();
      if (!key) return undefined;
      const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, key.campaignId));
      return campaign ? { key, campaign } : undefined;
    },

    async listOrigins(campaignId: string): Promise<string[]> {
      const rows = await db.select({ origin: corsOrigins.origin }).from(corsOrigins).where(eq(corsOrigins.campaignId, campaignId)).orderBy(asc(corsOrigins.origin));
      return rows.map((r) => r.origin);
    },

    async replaceOrigins(campaignId: string, origins: string[]): Promise<void> {
      await db.delete(corsOrigins).where(eq(corsOrigins.campaignId, campaignId));
      if (origins.length > 0) await db.insert(corsOrigins).values(origins.map((origin) => ({ campaignId, origin })));
    },

    /** Every campaign's allowed origins: CORS is decided before anyone is known. */
    async allOrigins(): Promise<string[]> {
      const rows = await db.selectDistinct({ origin: corsOrigins.origin }).from(corsOrigins);
      return rows.map((r) => r.origin);
    },
  };
}

export type IntegrationsRepository = ReturnType<typeof createIntegrationsRepository>;
