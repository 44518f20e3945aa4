import { and, asc, count, countDistinct, eq, max, min } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { accounts, committeeAssignments } from '../schema/index.js';

export type OsdiListRow = { accountId: string; accountName: string; totalItems: number; createdAt: Date; updatedAt: Date };
export type OsdiItemRow = { accountId: string; personId: string; assignedAt: Date };

// Committee lists as OSDI lists (decision 0036): one list per committee member with people
// assigned, its items the educators on it. Read-only; organizing keys only.
export function createOsdiListsRepository(db: Executor) {
  const listFields = { accountId: committeeAssignments.accountId, accountName: accounts.name, totalItems: count(), createdAt: min(committeeAssignments.assignedAt), updatedAt: max(committeeAssignments.assignedAt) };
  const complete = (r: { accountId: string; accountName: string; totalItems: number; createdAt: Date | null; updatedAt: Date | null }): OsdiListRow => ({ ...r, createdAt: r.createdAt ?? new Date(0), updatedAt: r.updatedAt ?? new Date(0) });
  return {
    async page(campaignId: string, limit: number, offset: number): Promise<{ total: number; rows: OsdiListRow[] }> {
      const [counted] = await db.select({ n: countDistinct(committeeAssignments.accountId) }).from(committeeAssignments).where(eq(committeeAssignments.campaignId, campaignId));
      const rows = await db
        .select(listFields)
        .from(committeeAssignments)
        .innerJoin(accounts, eq(accounts.id, committeeAssignments.accountId))
        .where(eq(committeeAssignments.campaignId, campaignId))
        .groupBy(committeeAssignments.accountId, accounts.name)
        .orderBy(asc(min(committeeAssignments.assignedAt)), asc(committeeAssignments.accountId))
        .limit(limit)
        .offset(offset);
      return { total: counted?.n ?? 0, rows: rows.map(complete) };
    },

    async find(campaignId: string, accountId: string): Promise<OsdiListRow | undefined> {
      const [row] = await db
        .select(listFields)
        .from(committeeAssignments)
        .innerJoin(accounts, eq(accounts.id, committeeAssignments.accountId))
        .where(and(eq(committeeAssignments.campaignId, campaignId), eq(committeeAssignments.accountId, accountId)))
        .groupBy(committeeAssignments.accountId, accounts.name);
      return row ? complete(row) : undefined;
    },

    async items(campaignId: string, accountId: string, limit: number, offset: number): Promise<{ total: number; rows: OsdiItemRow[] }> {
      const where = and(eq(committeeAssignments.campaignId, campaignId), eq(committeeAssignments.accountId, accountId));
      const [counted] = await db.select({ n: count() }).from(committeeAssignments).where(where);
      const rows = await db
        .select({ accountId: committeeAssignments.accountId, personId: committeeAssignments.personId, assignedAt: committeeAssignments.assignedAt })
        .from(committeeAssignments)
        .where(where)
        .orderBy(asc(committeeAssignments.assignedAt), asc(committeeAssignments.personId))
        .limit(limit)
        .offset(offset);
      return { total: counted?.n ?? 0, rows };
    },

    async item(campaignId: string, accountId: string, personId: string): Promise<OsdiItemRow | undefined> {
      const [row] = await db
        .select({ accountId: committeeAssignments.accountId, personId: committeeAssignments.personId, assignedAt: committeeAssignments.assignedAt })
        .from(committeeAssignments)
        .where(and(eq(committeeAssignments.campaignId, campaignId), eq(committeeAssignments.accountId, accountId), eq(committeeAssignments.personId, personId)));
      return row;
    },
  };
}
