import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { endorsements } from '../schema/index.js';
import { createSupportRepository } from './support-repository.js';

export type PublicCounters = {
  educatorsSupporting: number;
  schoolsWithSupport: number;
  petitionSignatures: number;
  endorsements: number;
};

// The only numbers the public site shows about support. Campaign-wide totals, never per school:
// a small school's count can point at a person.
export function createPublicCountersRepository(db: Db) {
  const support = createSupportRepository(db);
  return {
    /** `today`: the campaign's local date (the support counters are kept for today). */
    async getPublicCounters(campaign: { id: string; cardValidityMonths: number }, today: string): Promise<PublicCounters> {
      const [supportRows, [endorsed]] = await Promise.all([
        // The cards' own counters (kept current by triggers; see support-repository.ts): the same
        // numbers as the organizers' majority page, summed over the whole campaign here.
        support.current(campaign.id, today, campaign.cardValidityMonths),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(endorsements)
          .where(and(eq(endorsements.campaignId, campaign.id), eq(endorsements.isPublic, true))),
      ]);
      const schools = new Set(supportRows.filter((r) => r.validCards > 0).map((r) => r.worksiteId));
      return {
        educatorsSupporting: supportRows.reduce((sum, r) => sum + r.validCards, 0),
        schoolsWithSupport: schools.size,
        // TO WIRE AT MERGE (lead): confirmed petition signatures; the petition tables live in
        // another branch.
        petitionSignatures: 0,
        endorsements: endorsed?.n ?? 0,
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
