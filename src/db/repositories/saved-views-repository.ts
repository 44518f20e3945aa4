import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { savedPeopleViews } from '../schema/index.js';

export type SavedPeopleViewRow = typeof savedPeopleViews.$inferSelect;

// Saved views of the people list: one account's, in one campaign.
export function createSavedViewsRepository(db: Executor) {
  return {
    async list(campaignId: string, accountId: string): Promise<SavedPeopleViewRow[]> {
      return db
        .select()
        .from(savedPeopleViews)
        .where(and(eq(savedPeopleViews.campaignId, campaignId), eq(savedPeopleViews.accountId, accountId)))
        .orderBy(asc(savedPeopleViews.name), asc(savedPeopleViews.id));
    },

    async findOwn(campaignId: string, accountId: string, id: string): Promise<SavedPeopleViewRow | undefined> {
      const [row] = await db
        .select()
        .from(savedPeopleViews)
        .where(and(eq(savedPeopleViews.id, id), eq(savedPeopleViews.campaignId, campaignId), eq(savedPeopleViews.accountId, accountId)));
      return row;
    },

    /** Undefined when the account already has a view of that name (any case). */
    async create(values: { campaignId: string; accountId: string; name: string; query: Record<string, string> }): Promise<SavedPeopleViewRow | undefined> {
      const [row] = await db.insert(savedPeopleViews).values(values).onConflictDoNothing().returning();
      return row;
    },

    async delete(id: string): Promise<void> {
      await db.delete(savedPeopleViews).where(eq(savedPeopleViews.id, id));
    },
  };
}
