import { and, asc, count, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { supporters, taggings, tags } from '../schema/index.js';
import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';

export type TagRow = typeof tags.$inferSelect;
export type TaggingRow = typeof taggings.$inferSelect & { email: string };

const DAY_MS = 86_400_000;

function conditionSql(c: OsdiCondition, cols: { id: PgColumn; identifiers: PgColumn | null; createdAt: PgColumn; updatedAt: PgColumn; email: PgColumn | null }): SQL | undefined {
  if (c.kind === 'text') {
    if (c.field === 'email') return cols.email ? sql`${cols.email} = ${c.value.toLowerCase()}` : sql`false`;
    const own = /^unionhall:([0-9a-f-]{36})$/i.exec(c.value)?.[1];
    if (own) return sql`${cols.id} = ${own.toLowerCase()}::uuid`;
    return cols.identifiers ? sql`${cols.identifiers} @> array[${c.value}]::text[]` : sql`false`;
  }
  const column = c.field === 'created_date' ? cols.createdAt : cols.updatedAt;
  if (c.op === 'gt') return gt(column, c.value);
  if (c.op === 'lt') return lt(column, c.value);
  return and(gte(column, c.value), lt(column, new Date(c.value.getTime() + DAY_MS)));
}

const tagColumns = { id: tags.id, identifiers: tags.identifiers, createdAt: tags.createdAt, updatedAt: tags.updatedAt, email: null };
const taggingColumns = { id: taggings.id, identifiers: taggings.identifiers, createdAt: taggings.createdAt, updatedAt: taggings.updatedAt, email: supporters.email };
const taggingFields = { id: taggings.id, tagId: taggings.tagId, supporterId: taggings.supporterId, identifiers: taggings.identifiers, originSystem: taggings.originSystem, createdAt: taggings.createdAt, updatedAt: taggings.updatedAt, email: supporters.email };

// OSDI tags and taggings (decision 0036). A tagging points at a supporters row; its person is the
// `osdi_people` row with the same id.
export function createTagsRepository(db: Executor) {
  return {
    async page(campaignId: string, conditions: OsdiCondition[], limit: number, offset: number): Promise<{ total: number; rows: TagRow[] }> {
      const where = and(eq(tags.campaignId, campaignId), ...conditions.map((c) => conditionSql(c, tagColumns)));
      const [counted] = await db.select({ n: count() }).from(tags).where(where);
      const rows = await db.select().from(tags).where(where).orderBy(asc(tags.createdAt), asc(tags.id)).limit(limit).offset(offset);
      return { total: counted?.n ?? 0, rows };
    },

    async find(campaignId: string, id: string): Promise<TagRow | undefined> {
      const [row] = await db.select().from(tags).where(and(eq(tags.campaignId, campaignId), eq(tags.id, id)));
      return row;
    },

    async findByName(campaignId: string, name: string): Promise<TagRow | undefined> {
      const [row] = await db.select().from(tags).where(and(eq(tags.campaignId, campaignId), sql`lower(${tags.name}) = ${name.toLowerCase()}`));
      return row;
    },

    async insert(campaignId: string, input: { name: string; description?: string | null; identifiers: string[]; originSystem: string | null }, at: Date): Promise<TagRow> {
      const [row] = await db.insert(tags).values({ campaignId, name: input.name, description: input.description ?? null, identifiers: input.identifiers, originSystem: input.originSystem, createdAt: at, updatedAt: at }).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async addIdentifiers(tag: TagRow, identifiers: string[], at: Date): Promise<TagRow> {
      const [row] = await db
        .update(tags)
        .set({ identifiers: [...new Set([...tag.identifiers, ...identifiers])], updatedAt: at })
        .where(eq(tags.id, tag.id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },

    /** Tags a supporter once: tagging again only moves the tagging's modified time. */
    async tag(tagId: string, supporterId: string, originSystem: string | null, at: Date, identifiers: string[] = []): Promise<{ row: TaggingRow; added: boolean }> {
      const [existing] = await db.select({ id: taggings.id, identifiers: taggings.identifiers }).from(taggings).where(and(eq(taggings.tagId, tagId), eq(taggings.supporterId, supporterId)));
      if (existing) await db.update(taggings).set({ updatedAt: at, identifiers: [...new Set([...existing.identifiers, ...identifiers])] }).where(eq(taggings.id, existing.id));
      else await db.insert(taggings).values({ tagId, supporterId, identifiers, originSystem, createdAt: at, updatedAt: at });
      const [row] = await db.select(taggingFields).from(taggings).innerJoin(supporters, eq(supporters.id, taggings.supporterId)).where(and(eq(taggings.tagId, tagId), eq(taggings.supporterId, supporterId)));
      if (!row) throw new Error('tagging vanished');
      return { row, added: !existing };
    },

    /** A tag's or a person's taggings, oldest first; only of confirmed supporters (a pending signup is no one yet). */
    async taggingsPage(of: { tagId: string } | { supporterId: string }, conditions: OsdiCondition[], limit: number, offset: number): Promise<{ total: number; rows: TaggingRow[] }> {
      const where = and('tagId' in of ? eq(taggings.tagId, of.tagId) : eq(taggings.supporterId, of.supporterId), eq(supporters.status, 'confirmed'), ...conditions.map((c) => conditionSql(c, taggingColumns)));
      const [counted] = await db.select({ n: count() }).from(taggings).innerJoin(supporters, eq(supporters.id, taggings.supporterId)).where(where);
      const rows = await db.select(taggingFields).from(taggings).innerJoin(supporters, eq(supporters.id, taggings.supporterId)).where(where).orderBy(asc(taggings.createdAt), asc(taggings.id)).limit(limit).offset(offset);
      return { total: counted?.n ?? 0, rows };
    },

    async findTagging(tagId: string, taggingId: string): Promise<TaggingRow | undefined> {
      const [row] = await db.select(taggingFields).from(taggings).innerJoin(supporters, eq(supporters.id, taggings.supporterId)).where(and(eq(taggings.tagId, tagId), eq(taggings.id, taggingId), eq(supporters.status, 'confirmed')));
      return row;
    },

    async deleteTagging(taggingId: string): Promise<void> {
      await db.delete(taggings).where(eq(taggings.id, taggingId));
    },

    /** The names of a supporter's tags, for a person's webhook and export. */
    async namesOf(supporterId: string): Promise<string[]> {
      const rows = await db.select({ name: tags.name }).from(taggings).innerJoin(tags, eq(tags.id, taggings.tagId)).where(eq(taggings.supporterId, supporterId)).orderBy(asc(tags.name));
      return rows.map((r) => r.name);
    },
  };
}
