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
 * that card to a roster person in clear (decision 0028), a dismissal's reason is an organizer's
 * note (decision 0046), and the address a card was signed or answered from could be matched with
 * the employer's own network logs (decision 0046). Those are sealed, and opened for whoever reads
 * the log with the key. The row's action, card, actor and time stay in clear: the log is searched by them.
 */
const SEALED_CARD_DETAILS = ['personId', 'previousPersonId', 'reason'] as const;

type CardFields = { subjectType?: string | null; ip?: string | null; details?: Record<string, unknown> | null };

function mapCardFields(entry: CardFields, map: (value: string) => string): { ip: string | null; details: Record<string, unknown> } {
  const details = { ...(entry.details ?? {}) };
  const ip = entry.ip ?? null;
  if (entry.subjectType !== 'card') return { ip, details };
  for (const key of SEALED_CARD_DETAILS) {
    const value = details[key];
    if (typeof value === 'string') details[key] = map(value);
  }
  return { ip: ip === null ? null : map(ip), details };
}

const openRow = <T extends typeof auditEvents.$inferSelect>(cipher: FieldCipher, row: T): T => ({ ...row, ...mapCardFields(row, (v) => cipher.decryptText(v)) });

/** Rows about a card written before decisions 0028 and 0046 (the partial index of src/db/schema/audit.ts). */
const clearCardRow = sql`subject_type = 'card' and (ip not like 'uh1.%' or details ->> 'personId' not like 'uh1.%'
  or details ->> 'previousPersonId' not like 'uh1.%' or details ->> 'reason' not like 'uh1.%')`;

export function createAuditRepository(db: Executor, keyring: Keyring) {
  return {
    async append(entry: AuditEntry): Promise<void> {
      const cipher = entry.subjectType === 'card' ? await keyring.cipher() : null;
      const sealed = cipher ? mapCardFields(entry, (v) => cipher.encryptText(v)) : { ip: entry.ip ?? null, details: entry.details ?? {} };
      await db.insert(auditEvents).values({ ...entry, ...sealed });
    },
    /**
     * Seals up to `limit` audit rows about a card written in clear (their address, and the person
     * ids and reason in their details); the append-only trigger allows exactly this change
     * (migration 0028). Returns how many rows it sealed; 0 when none is left.
     */
    async sealLegacyCardRows(limit: number): Promise<number> {
      const found = await db.execute<{ id: string; ip: string | null; details: Record<string, unknown> }>(
        sql`select id, ip, details from audit_events where ${clearCardRow} order by id limit ${limit}`,
      );
      if (found.rows.length === 0) return 0;
      const cipher = await keyring.cipher();
      const seal = (value: string): string => (value.startsWith('uh1.') ? value : cipher.encryptText(value));
      const sealed = found.rows.map((r) => ({ id: r.id, ...mapCardFields({ subjectType: 'card', ip: r.ip, details: r.details }, seal) }));
      await db.execute(sql`
        update audit_events a set ip = k.ip, details = k.details
        from unnest(${sql.param(sealed.map((r) => r.id))}::bigint[], ${sql.param(sealed.map((r) => r.ip))}::text[], ${sql.param(sealed.map((r) => JSON.stringify(r.details)))}::jsonb[]) as k(id, ip, details)
        where a.id = k.id`);
      return found.rows.length;
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
