import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { campaigns, petitionSignatures, petitions } from '../schema/index.js';

export type PetitionRow = typeof petitions.$inferSelect;
export type SignatureRow = typeof petitionSignatures.$inferSelect;
/** A petition with what its public address needs: the campaign's slug, and whether it is the default one (served at `/`). */
export type LocatedPetition = { petition: PetitionRow; campaignSlug: string; isDefaultCampaign: boolean };

export type PetitionInput = { slug: string; title: string; text: string; target: string; goal: number; published: boolean };

// The same rule as campaigns-repository's findDefault: the flagged one, else the oldest.
const defaultCampaignId = sql`select c.id from ${campaigns} c order by c.is_default desc, c.created_at asc limit 1`;

export function createPetitionsRepository(db: Executor) {
  return {
    async create(campaignId: string, input: PetitionInput, now: Date): Promise<PetitionRow | undefined> {
      const [row] = await db
        .insert(petitions)
        .values({ ...input, campaignId, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      return row;
    },
    /** Undefined when no such petition; 'slug_taken' when the new slug is taken in the campaign. */
    async update(campaignId: string, id: string, input: Partial<PetitionInput>, now: Date): Promise<PetitionRow | 'slug_taken' | undefined> {
      try {
        // In its own (sub)transaction: inside a command's transaction a refused statement would
        // otherwise abort the whole transaction, and the caller could not answer 409.
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .update(petitions)
            .set({ ...input, updatedAt: now })
            .where(and(eq(petitions.campaignId, campaignId), eq(petitions.id, id)))
            .returning();
          return row;
        });
      } catch (err) {
        if ((err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') return 'slug_taken';
        throw err;
      }
    },
    async findBySlug(campaignId: string, slug: string): Promise<PetitionRow | undefined> {
      const [row] = await db.select().from(petitions).where(and(eq(petitions.campaignId, campaignId), eq(petitions.slug, slug)));
      return row;
    },
    async findById(id: string): Promise<PetitionRow | undefined> {
      const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
      return row;
    },
    async listForCampaign(campaignId: string): Promise<PetitionRow[]> {
      return db.select().from(petitions).where(eq(petitions.campaignId, campaignId)).orderBy(desc(petitions.createdAt));
    },
    /** One query: the OSDI signing helper calls this on every request. */
    async findLocated(id: string): Promise<LocatedPetition | undefined> {
      const [row] = await db
        .select({ petition: petitions, campaignSlug: campaigns.slug, isDefaultCampaign: sql<boolean>`${campaigns.id} = (${defaultCampaignId})` })
        .from(petitions)
        .innerJoin(campaigns, eq(campaigns.id, petitions.campaignId))
        .where(eq(petitions.id, id));
      return row;
    },
    async listPublishedLocated(): Promise<LocatedPetition[]> {
      return db
        .select({ petition: petitions, campaignSlug: campaigns.slug, isDefaultCampaign: sql<boolean>`${campaigns.id} = (${defaultCampaignId})` })
        .from(petitions)
        .innerJoin(campaigns, eq(campaigns.id, petitions.campaignId))
        .where(eq(petitions.published, true))
        .orderBy(desc(petitions.createdAt), asc(petitions.id));
    },
    /** The public number: confirmed signatures only. */
    async countConfirmed(petitionId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(petitionSignatures)
        .where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.status, 'confirmed')));
      return row?.n ?? 0;
    },
    async countByStatus(petitionId: string): Promise<Record<SignatureRow['status'], number>> {
      const rows = await db
        .select({ status: petitionSignatures.status, n: count() })
        .from(petitionSignatures)
        .where(eq(petitionSignatures.petitionId, petitionId))
        .groupBy(petitionSignatures.status);
      const result = { pending_confirmation: 0, confirmed: 0, held_for_review: 0 };
      for (const r of rows) result[r.status] = r.n;
      return result;
    },
    /** Signatures by status for every petition of a campaign, in one query. */
    async countByStatusInCampaign(campaignId: string): Promise<Map<string, Record<SignatureRow['status'], number>>> {
      const rows = await db
        .select({ petitionId: petitionSignatures.petitionId, status: petitionSignatures.status, n: count() })
        .from(petitionSignatures)
        .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
        .where(eq(petitions.campaignId, campaignId))
        .groupBy(petitionSignatures.petitionId, petitionSignatures.status);
      const result = new Map<string, Record<SignatureRow['status'], number>>();
      for (const r of rows) {
        const counts = result.get(r.petitionId) ?? { pending_confirmation: 0, confirmed: 0, held_for_review: 0 };
        counts[r.status] = r.n;
        result.set(r.petitionId, counts);
      }
      return result;
    },
    /** The public list: only people who confirmed and asked to be listed, and only the short form. */
    async listPublicSigners(petitionId: string, limit: number) {
      return db
        .select({
          givenName: petitionSignatures.givenName,
          familyInitial: sql<string>`left(${petitionSignatures.familyName}, 1)`,
          relationship: petitionSignatures.relationship,
          city: petitionSignatures.city,
        })
        .from(petitionSignatures)
        .where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.status, 'confirmed'), eq(petitionSignatures.showPublicly, true)))
        .orderBy(desc(petitionSignatures.confirmedAt), desc(petitionSignatures.id))
        .limit(limit);
    },
    /**
     * Confirms the signature the token belongs to. Idempotent: a second click finds the same row
     * and changes nothing. A held signature records the confirmation but stays held.
     */
    async confirmByToken(signatureId: string, secretHash: string, now: Date): Promise<SignatureRow | undefined> {
      const [row] = await db
        .update(petitionSignatures)
        .set({
          confirmedAt: sql`coalesce(${petitionSignatures.confirmedAt}, ${now.toISOString()}::timestamptz)`,
          status: sql`case when ${petitionSignatures.status} = 'pending_confirmation' then 'confirmed' else ${petitionSignatures.status} end`,
          // A confirmation is a change an OSDI sync asks for ("modified since").
          updatedAt: sql`case when ${petitionSignatures.confirmedAt} is null then ${now.toISOString()}::timestamptz else ${petitionSignatures.updatedAt} end`,
        })
        .where(and(eq(petitionSignatures.id, signatureId), eq(petitionSignatures.confirmationTokenHash, secretHash)))
        .returning();
      return row;
    },
    async listHeld(petitionId: string): Promise<SignatureRow[]> {
      return db
        .select()
        .from(petitionSignatures)
        .where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.status, 'held_for_review')))
        .orderBy(asc(petitionSignatures.createdAt))
        .limit(1000);
    },
    /** Approval lifts the hold: the signature counts once (or as soon as) its email is confirmed. */
    async approveHeld(petitionId: string, signatureId: string, now: Date = new Date()): Promise<SignatureRow | undefined> {
      const [row] = await db
        .update(petitionSignatures)
        .set({ status: sql`case when ${petitionSignatures.confirmedAt} is null then 'pending_confirmation' else 'confirmed' end`, updatedAt: now })
        .where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.id, signatureId), eq(petitionSignatures.status, 'held_for_review')))
        .returning();
      return row;
    },
    /** Rejected signatures are deleted: they were never people, or not people who meant it. */
    async rejectHeld(petitionId: string, signatureId: string): Promise<SignatureRow | undefined> {
      const [row] = await db
        .delete(petitionSignatures)
        .where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.id, signatureId), eq(petitionSignatures.status, 'held_for_review')))
        .returning();
      return row;
    },
    async listForExport(petitionId: string): Promise<SignatureRow[]> {
      return db.select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId)).orderBy(asc(petitionSignatures.createdAt), asc(petitionSignatures.id));
    },
  };
}

export type PetitionsRepository = ReturnType<typeof createPetitionsRepository>;
