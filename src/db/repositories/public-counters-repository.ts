import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { endorsements, petitionSignatures, petitions } from '../schema/index.js';
import { createPublicNumbersRepository } from './public-numbers-repository.js';

/** The support numbers as last published (rounded down to the granularity), or null before the first publication. */
export type PublishedSupport = { educators: number; schools: number; granularity: number; asOf: string; publishedAt: Date };

export type PublicCounters = {
  support: PublishedSupport | null;
  petitionSignatures: number;
  endorsements: number;
};

// The only numbers the public site shows about support: campaign-wide, never per school (a small
// school's count can point at a person), and never live: the educators and schools are the last
// publication (decision 0023), so no card, forged or real, moves them until an organizer publishes.
// Petition signatures and endorsements are public acts and stay live.
export function createPublicCountersRepository(db: Executor) {
  const publicNumbers = createPublicNumbersRepository(db);
  return {
    async getPublicCounters(campaign: { id: string }): Promise<PublicCounters> {
      const [published, [endorsed], [signed]] = await Promise.all([
        publicNumbers.latest(campaign.id),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(endorsements)
          .where(and(eq(endorsements.campaignId, campaign.id), eq(endorsements.isPublic, true))),
        // Confirmed signatures on the campaign's published petitions (a signature counts once its
        // signer clicked the confirmation link).
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(petitionSignatures)
          .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
          .where(and(eq(petitions.campaignId, campaign.id), eq(petitions.published, true), eq(petitionSignatures.status, 'confirmed'))),
      ]);
      return {
        support: published
          ? { educators: published.educatorsShown, schools: published.schoolsShown, granularity: published.granularity, asOf: published.asOf, publishedAt: published.publishedAt }
          : null,
        petitionSignatures: signed?.n ?? 0,
        endorsements: endorsed?.n ?? 0,
      };
    },
    /**
     * The slug of the campaign's main petition (the oldest published one), for the home page's
     * community call to action; null when the campaign has none.
     */
    async getMainPetitionSlug(campaignId: string): Promise<string | null> {
      const [row] = await db
        .select({ slug: petitions.slug })
        .from(petitions)
        .where(and(eq(petitions.campaignId, campaignId), eq(petitions.published, true)))
        .orderBy(asc(petitions.createdAt))
        .limit(1);
      return row?.slug ?? null;
    },
  };
}

export type PublicCountersRepository = ReturnType<typeof createPublicCountersRepository>;
