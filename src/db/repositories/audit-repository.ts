import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { FieldCipher, Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { accounts, auditEvents } from '../schema/index.js';

/** An audit row, with the actor's name as their account has it now (null: the system, or a deleted account). */
export type AuditEventRow = typeof auditEvents.$inferSelect & { actorName: string | null };

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

/**
 * The audit row of a card names the card; the person it was matched to or verified as would tie
 * that card to a roster person in clear, so those details are sealed (decision 0028) and opened
 * for whoever reads the log with the key.
 */
const SEALED_CARD_DETAILS = ['personId', 'previousPersonId'] as const;

function mapCardDetails(entry: { subjectType?: string | null; details?: Record<string, unknown> | null }, map: (value: string) => string): Record<string, unknown> {
  const details = { ...(entry.details ?? {}) };
  if (entry.subjectType !== 'card') return details;
  for (const key of SEALED_CARD_DETAILS) {
    const value = details[key];
    if (typeof value === 'string') details[key] = map(value);
  }
  return details;
}

const openRow = <T extends typeof auditEvents.$inferSelect>(cipher: FieldCipher, row: T): T => ({ ...row, details: mapCardDetails(row, (v) => cipher.decryptText(v)) });

export function createAuditRepository(db: Executor, keyring: Keyring) {
  return {
    async append(entry: AuditEntry): Promise<void> {
      const cipher = entry.subjectType === 'card' ? await keyring.cipher() : null;
      const details = cipher ? mapCardDetails(entry, (v) => cipher.encryptText(v)) : (entry.details ?? {});
      await db.insert(auditEvents).values({ ...entry, details });
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
      const rows = await db
        .select({ event: auditEvents, actorName: accounts.name })
        .from(auditEvents)
        .leftJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
        .where(and(...where))
        .orderBy(desc(auditEvents.id))
        .limit(filter.limit);
      const cipher = await keyring.cipher();
      return rows.map((r) => ({ ...openRow(cipher, r.event), actorName: r.actorName }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
