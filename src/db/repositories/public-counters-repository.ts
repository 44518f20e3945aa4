import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { endorsements } from '../schema/index.js';

export type PublicCounters = {
  educatorsSupporting: number;
  schoolsWithSupport: number;
  petitionSignatures: number;
  endorsements: number;
};

// The only numbers the public site shows about support. Campaign-wide totals, never per school:
// a small school's count can point at a person.
export function createPublicCountersRepository(db: Db) {
  return {
    async getPublicCounters(campaignId: string): Promise<PublicCounters> {
      const [row] = await db
        .select({ endorsements: sql<number>`count(*)::int` })
        .from(endorsements)
        .where(and(eq(endorsements.campaignId, campaignId), eq(endorsements.isPublic, true)));
      return {
        // TO WIRE AT MERGE (lead): the cards and petition tables live in other branches. Replace
        // these three zeros with campaign-wide counts — valid (unrevoked, unexpired) cards and the
        // distinct worksites of their signers; confirmed petition signatures — ideally in the same
        // single query as the endorsements count above.
        educatorsSupporting: 0,
        schoolsWithSupport: 0,
        petitionSignatures: 0,
        endorsements: row?.endorsements ?? 0,
      };
    },
    /**
     * The slug of the campaign's main petition, for the home page's community call to action.
     * TO WIRE AT MERGE (lead): look it up in the petitions table (the open one, oldest first);
     * until then the campaign's slug stands in.
     */
    async getMainPetitionSlug(_campaignId: string, campaignSlug: string): Promise<string> {
      return campaignSlug;
    },
  };
}

export type PublicCountersRepository = ReturnType<typeof createPublicCountersRepository>;
