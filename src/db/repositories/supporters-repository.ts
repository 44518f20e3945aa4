import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { supporters, type SupporterDetails } from '../schema/index.js';
import type { SupporterStatus } from '../../vocabulary/osdi-people.js';
import { publicPersonId } from './osdi-people-repository.js';

export type SupporterRow = typeof supporters.$inferSelect;

/** What a person signup gives, ready to keep. */
export type SupporterInput = { email: string; givenName: string; familyName: string; details: SupporterDetails; identifiers: string[]; originSystem: string | null };

// People who came through the OSDI API (decision 0036). The row's id is the `osdi_people` view's
// id for its address, so a supporter is the same person as the signer or subscriber with that address.
export function createSupportersRepository(db: Executor) {
  return {
    async find(campaignId: string, id: string): Promise<SupporterRow | undefined> {
      const [row] = await db.select().from(supporters).where(and(eq(supporters.campaignId, campaignId), eq(supporters.id, id)));
      return row;
    },

    /** The same person again: by a foreign id they were given before, else by address. */
    async findMatch(campaignId: string, email: string, identifiers: string[]): Promise<SupporterRow | undefined> {
      if (identifiers.length > 0) {
        const [byId] = await db
          .select()
          .from(supporters)
          .where(and(eq(supporters.campaignId, campaignId), sql`${supporters.identifiers} && ${sql.param(identifiers)}::text[]`))
          .limit(1);
        if (byId) return byId;
      }
      const [byEmail] = await db.select().from(supporters).where(and(eq(supporters.campaignId, campaignId), eq(supporters.email, email.toLowerCase())));
      return byEmail;
    },

    async insert(campaignId: string, s: SupporterInput, status: SupporterStatus, at: Date): Promise<SupporterRow> {
      const email = s.email.toLowerCase();
      const [row] = await db
        .insert(supporters)
        .values({ id: publicPersonId(campaignId, email), campaignId, email, givenName: s.givenName, familyName: s.familyName, details: s.details, identifiers: s.identifiers, originSystem: s.originSystem, status, createdAt: at, updatedAt: at, confirmedAt: status === 'confirmed' ? at : null })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    /**
     * Updates a match with what was sent: given fields replace, details merge, identifiers add up.
     * The address stays (it is the person's id on the public side); another one sent is kept beside it.
     */
    async update(existing: SupporterRow, s: SupporterInput, status: SupporterStatus, at: Date): Promise<SupporterRow> {
      const sentEmail = s.email.toLowerCase();
      const details: SupporterDetails = { ...existing.details, ...s.details, ...(sentEmail !== existing.email ? { otherEmail: sentEmail } : {}) };
      const [row] = await db
        .update(supporters)
        .set({
          givenName: s.givenName || existing.givenName,
          familyName: s.familyName || existing.familyName,
          details,
          identifiers: [...new Set([...existing.identifiers, ...s.identifiers])],
          originSystem: s.originSystem ?? existing.originSystem,
          status,
          confirmedAt: existing.confirmedAt ?? (status === 'confirmed' ? at : null),
          updatedAt: at,
        })
        .where(eq(supporters.id, existing.id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },

    /** Makes the anchor row of a person known only from a public form, so it can be tagged. */
    async ensure(campaignId: string, email: string, at: Date): Promise<SupporterRow> {
      const lower = email.toLowerCase();
      await db
        .insert(supporters)
        .values({ id: publicPersonId(campaignId, lower), campaignId, email: lower, status: 'confirmed', createdAt: at, updatedAt: at, confirmedAt: at })
        .onConflictDoNothing();
      const [row] = await db.select().from(supporters).where(and(eq(supporters.campaignId, campaignId), eq(supporters.email, lower)));
      if (!row) throw new Error('supporter vanished');
      return row;
    },

    /** A pending signup confirmed, with its details as they are to stay (the waiting tags taken out). */
    async confirm(id: string, details: SupporterDetails, at: Date): Promise<SupporterRow | undefined> {
      const [row] = await db
        .update(supporters)
        .set({ status: 'confirmed', details, confirmedAt: at, updatedAt: at })
        .where(and(eq(supporters.id, id), eq(supporters.status, 'pending')))
        .returning();
      return row;
    },
  };
}
