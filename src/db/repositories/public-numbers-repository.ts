import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { campaigns, publicNumberPublications } from '../schema/index.js';

export type PublicationRow = typeof publicNumberPublications.$inferSelect;
export type NewPublication = typeof publicNumberPublications.$inferInsert;

// The support numbers the public site shows: what was published, never the live counts
// (decision 0023), and the campaign's settings for publishing them.
export function createPublicNumbersRepository(db: Executor) {
  return {
    async latest(campaignId: string): Promise<PublicationRow | undefined> {
      const [row] = await db
        .select()
        .from(publicNumberPublications)
        .where(eq(publicNumberPublications.campaignId, campaignId))
        .orderBy(desc(publicNumberPublications.seq))
        .limit(1);
      return row;
    },

    async recent(campaignId: string, limit: number): Promise<PublicationRow[]> {
      return db
        .select()
        .from(publicNumberPublications)
        .where(eq(publicNumberPublications.campaignId, campaignId))
        .orderBy(desc(publicNumberPublications.seq))
        .limit(limit);
    },

    async insert(row: NewPublication): Promise<PublicationRow> {
      const [created] = await db.insert(publicNumberPublications).values(row).returning();
      if (!created) throw new Error('insert returned nothing');
      return created;
    },

    /** Serializes publications of one campaign (two automatic sweeps must not both publish a day). */
    async lockCampaign(campaignId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`public-numbers:${campaignId}`}, 0))`);
    },

    async setSettings(campaignId: string, settings: { granularity: number; autoPublish: boolean }): Promise<void> {
      await db.update(campaigns).set({ publicNumbersGranularity: settings.granularity, publicNumbersAutoPublish: settings.autoPublish }).where(eq(campaigns.id, campaignId));
    },

    /** Campaigns that publish their numbers automatically. */
    async listAutoPublishing() {
      return db.select().from(campaigns).where(and(eq(campaigns.publicNumbersAutoPublish, true)));
    },
  };
}

export type PublicNumbersRepository = ReturnType<typeof createPublicNumbersRepository>;
