import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { auditEvents } from '../schema/index.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export type AuditEntry = {
  actorAccountId: string | null;
  actorEmail: string | null;
  campaignId: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export type AuditFilter = {
  campaignId?: string;
  /** Only entries of no campaign or of a campaign this account is a member of. */
  memberOf?: string;
  action?: string;
  actorAccountId?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
};

export function createAuditRepository(db: Executor) {
  return {
    async append(entry: AuditEntry): Promise<void> {
      await db.insert(auditEvents).values({ ...entry, details: entry.details ?? {} });
    },
    async list(filter: AuditFilter): Promise<AuditEventRow[]> {
      const where: SQL[] = [];
      if (filter.campaignId) where.push(eq(auditEvents.campaignId, filter.campaignId));
      if (filter.memberOf) {
        where.push(sql`(${auditEvents.campaignId} is null or ${auditEvents.campaignId} in (select m.campaign_id from memberships m where m.account_id = ${filter.memberOf}))`);
      }
      if (filter.action) where.push(eq(auditEvents.action, filter.action));
      if (filter.actorAccountId) where.push(eq(auditEvents.actorAccountId, filter.actorAccountId));
      if (filter.from) where.push(gte(auditEvents.at, filter.from));
      if (filter.to) where.push(lte(auditEvents.at, filter.to));
      if (filter.beforeId) where.push(lt(auditEvents.id, filter.beforeId));
      return db
        .select()
        .from(auditEvents)
        .where(and(...where))
        .orderBy(desc(auditEvents.id))
        .limit(filter.limit);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
