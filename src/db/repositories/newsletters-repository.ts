import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { newsletters } from '../schema/index.js';
import type { Language } from '../../vocabulary/languages.js';

export type NewsletterRow = typeof newsletters.$inferSelect;
export type NewsletterInsert = typeof newsletters.$inferInsert;

export function createNewslettersRepository(db: Executor) {
  // Same rule as isNewsletterPublic in the domain, in SQL for the lists.
  const isPublic = (now: Date) => and(inArray(newsletters.status, ['published', 'scheduled']), lte(newsletters.publishAt, now));
  return {
    async listPublished(campaignId: string, now: Date, limit = 200, lang?: Language): Promise<NewsletterRow[]> {
      return db
        .select()
        .from(newsletters)
        .where(and(eq(newsletters.campaignId, campaignId), isPublic(now), lang ? eq(newsletters.lang, lang) : undefined))
        .orderBy(desc(newsletters.publishAt))
        .limit(limit);
    },
    async findPublished(campaignId: string, slug: string, now: Date): Promise<NewsletterRow | undefined> {
      const [row] = await db
        .select()
        .from(newsletters)
        .where(and(eq(newsletters.campaignId, campaignId), eq(newsletters.slug, slug), isPublic(now)));
      return row;
    },
    /** Newsletters whose scheduled email is due, unsent, and public by now (oldest schedule first). */
    async listDueSends(now: Date): Promise<NewsletterRow[]> {
      return db
        .select()
        .from(newsletters)
        .where(and(lte(newsletters.sendAt, now), isNull(newsletters.sentAt), isPublic(now)))
        .orderBy(asc(newsletters.sendAt))
        .limit(20);
    },
    async listAll(campaignId: string): Promise<NewsletterRow[]> {
      return db
        .select()
        .from(newsletters)
        .where(eq(newsletters.campaignId, campaignId))
        .orderBy(sql`${newsletters.publishAt} desc nulls first`, desc(newsletters.createdAt));
    },
    /** The other-language versions of a newsletter that are public by now. */
    async listPublicVersions(campaignId: string, id: string, now: Date): Promise<NewsletterRow[]> {
      return db.select().from(newsletters).where(and(eq(newsletters.campaignId, campaignId), eq(newsletters.versionOf, id), isPublic(now)));
    },
    async find(campaignId: string, id: string): Promise<NewsletterRow | undefined> {
      const [row] = await db.select().from(newsletters).where(and(eq(newsletters.campaignId, campaignId), eq(newsletters.id, id)));
      return row;
    },
    async slugTaken(campaignId: string, slug: string, exceptId?: string): Promise<boolean> {
      const rows = await db.select({ id: newsletters.id }).from(newsletters).where(and(eq(newsletters.campaignId, campaignId), eq(newsletters.slug, slug)));
      return rows.some((r) => r.id !== exceptId);
    },
    async create(input: NewsletterInsert): Promise<NewsletterRow> {
      const [row] = await db.insert(newsletters).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async update(campaignId: string, id: string, changes: Partial<NewsletterInsert>, now: Date): Promise<NewsletterRow | undefined> {
      const [row] = await db
        .update(newsletters)
        .set({ ...changes, updatedAt: now })
        .where(and(eq(newsletters.campaignId, campaignId), eq(newsletters.id, id)))
        .returning();
      return row;
    },
    async remove(campaignId: string, id: string): Promise<boolean> {
      const rows = await db.delete(newsletters).where(and(eq(newsletters.campaignId, campaignId), eq(newsletters.id, id))).returning({ id: newsletters.id });
      return rows.length > 0;
    },
  };
}

export type NewslettersRepository = ReturnType<typeof createNewslettersRepository>;
