import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { endorsements, petitionSignatures, petitions } from '../schema/index.js';
import { createSupportRepository } from './support-repository.js';

export type PublicCounters = {
  educatorsSupporting: number;
  schoolsWithSupport: number;
  petitionSignatures: number;
  endorsements: number;
};

// The only numbers the public site shows about support. Campaign-wide totals, never per school:
// a small school's count can point at a person.
export function createPublicCountersRepository(db: Executor) {
  const support = createSupportRepository(db);
  return {
    /** `today`: the campaign's local date (the support counters are kept for today). */
    async getPublicCounters(campaign: { id: string; cardValidityMonths: number }, today: string): Promise<PublicCounters> {
      const [supportRows, [endorsed], [signed]] = await Promise.all([
        // The cards' own counters (kept current by triggers; see support-repository.ts): the same
        // numbers as the organizers' majority page, summed over the whole campaign here.
        support.current(campaign.id, today, campaign.cardValidityMonths),
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
      const schools = new Set(supportRows.filter((r) => r.validCards > 0).map((r) => r.worksiteId));
      return {
        educatorsSupporting: supportRows.reduce((sum, r) => sum + r.validCards, 0),
        schoolsWithSupport: schools.size,
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
