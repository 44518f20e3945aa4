import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { pressItems } from '../schema/index.js';

export type PressItemRow = typeof pressItems.$inferSelect;
export type PressItemInsert = typeof pressItems.$inferInsert;

export function createPressRepository(db: Executor) {
  return {
    async listPublic(campaignId: string): Promise<PressItemRow[]> {
      return db
        .select()
        .from(pressItems)
        .where(and(eq(pressItems.campaignId, campaignId), eq(pressItems.isPublic, true)))
        .orderBy(desc(pressItems.publishedOn), desc(pressItems.createdAt));
    },
    async findPublicRelease(campaignId: string, slug: string): Promise<PressItemRow | undefined> {
      const [row] = await db
        .select()
        .from(pressItems)
        .where(and(eq(pressItems.campaignId, campaignId), eq(pressItems.slug, slug), eq(pressItems.kind, 'release'), eq(pressItems.isPublic, true)));
      return row;
    },
    async listAll(campaignId: string): Promise<PressItemRow[]> {
      return db.select().from(pressItems).where(eq(pressItems.campaignId, campaignId)).orderBy(desc(pressItems.publishedOn), desc(pressItems.createdAt));
    },
    async find(campaignId: string, id: string): Promise<PressItemRow | undefined> {
      const [row] = await db.select().from(pressItems).where(and(eq(pressItems.campaignId, campaignId), eq(pressItems.id, id)));
      return row;
    },
    async slugTaken(campaignId: string, slug: string, exceptId?: string): Promise<boolean> {
      const rows = await db.select({ id: pressItems.id }).from(pressItems).where(and(eq(pressItems.campaignId, campaignId), eq(pressItems.slug, slug)));
      return rows.some((r) => r.id !== exceptId);
    },
    async create(input: PressItemInsert): Promise<PressItemRow> {
      const [row] = await db.insert(pressItems).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async update(campaignId: string, id: string, changes: Partial<PressItemInsert>, now: Date): Promise<PressItemRow | undefined> {
      const [row] = await db
        .update(pressItems)
        .set({ ...changes, updatedAt: now })
        .where(and(eq(pressItems.campaignId, campaignId), eq(pressItems.id, id)))
        .returning();
      return row;
    },
    async remove(campaignId: string, id: string): Promise<boolean> {
      const rows = await db.delete(pressItems).where(and(eq(pressItems.campaignId, campaignId), eq(pressItems.id, id))).returning({ id: pressItems.id });
      return rows.length > 0;
    },
  };
}

export type PressRepository = ReturnType<typeof createPressRepository>;
