import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { FieldCipher, Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { mailBodies, mailMessages, mailSuppressions } from '../schema/index.js';

export type MailRow = typeof mailMessages.$inferSelect;

/**
 * A card confirmation names its signer, to their address: recipient, subject and body are
 * encrypted at rest (decision 0025). Rows written in clear (petition mail from the group commit,
 * older rows) read as they are.
 */
function openMail(cipher: FieldCipher, row: MailRow): MailRow {
  return { ...row, toAddress: cipher.decryptText(row.toAddress), subject: cipher.decryptText(row.subject), textBody: cipher.decryptText(row.textBody) };
}

export function createMailRepository(db: Executor, keyring: Keyring) {
  return {
    async record(input: typeof mailMessages.$inferInsert): Promise<MailRow> {
      const cipher = await keyring.cipher();
      const sealed = { ...input, toAddress: cipher.encryptText(input.toAddress), subject: cipher.encryptText(input.subject), textBody: cipher.encryptText(input.textBody) };
      const [row] = await db.insert(mailMessages).values(sealed).returning();
      if (!row) throw new Error('insert returned nothing');
      return openMail(cipher, row);
    },
    async markSent(id: string, messageId: string | null, at: Date): Promise<void> {
      await db.update(mailMessages).set({ sentAt: at, messageId, error: null, nextAttemptAt: null }).where(eq(mailMessages.id, id));
    },
    /**
     * Marks several messages the mail server accepted, each with its Message-ID and the time it was
     * accepted, in one statement (the outbox marks what was accepted while the last mark ran).
     */
    async markSentMany(sent: readonly { id: string; messageId: string | null; at: Date }[]): Promise<void> {
      if (sent.length === 0) return;
      const rows = JSON.stringify(sent.map((s) => ({ id: s.id, message_id: s.messageId, sent_at: s.at.toISOString() })));
      await db.execute(sql`
        update ${mailMessages} m
           set sent_at = v.sent_at, message_id = v.message_id, error = null, next_attempt_at = null
          from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, message_id text, sent_at timestamptz)
         where m.id = v.id`);
    },
    /** `retryAt` null: give up (a permanent refusal, or out of attempts). */
    async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
      await db.update(mailMessages).set({ error, nextAttemptAt: retryAt }).where(eq(mailMessages.id, id));
    },
    /** The message bounced for good (at delivery, or by a report that came back later). */
    async markBounced(id: string, reason: string, at: Date): Promise<void> {
      await db.update(mailMessages).set({ bouncedAt: at, error: reason, nextAttemptAt: null }).where(eq(mailMessages.id, id));
    },
    /** The message a bounce report names by the Message-ID it was sent with. */
    async findByMessageId(messageId: string): Promise<MailRow | undefined> {
      const cipher = await keyring.cipher();
      const [row] = await db.select().from(mailMessages).where(eq(mailMessages.messageId, `<${messageId.replace(/^<|>$/gu, '')}>`));
      return row ? openMail(cipher, row) : undefined;
    },
    /** A receiving server refused the address for good: the campaign's later bulk sends skip it. */
    async suppress(campaignId: string, address: string, reason: string, at?: Date): Promise<void> {
      await db.insert(mailSuppressions).values({ campaignId, address: address.toLowerCase(), reason, ...(at ? { createdAt: at } : {}) }).onConflictDoNothing();
    },
    async listSuppressed(campaignId: string): Promise<(typeof mailSuppressions.$inferSelect)[]> {
      return db.select().from(mailSuppressions).where(eq(mailSuppressions.campaignId, campaignId)).orderBy(desc(mailSuppressions.createdAt));
    },
    /** The reasons of these addresses that are suppressed for the campaign, by address. */
    async findSuppressedAmong(campaignId: string, addresses: readonly string[]): Promise<Map<string, string>> {
      if (addresses.length === 0) return new Map();
      const rows = await db
        .select({ address: mailSuppressions.address, reason: mailSuppressions.reason })
        .from(mailSuppressions)
        .where(and(eq(mailSuppressions.campaignId, campaignId), inArray(mailSuppressions.address, addresses.map((a) => a.toLowerCase()))));
      return new Map(rows.map((r) => [r.address, r.reason]));
    },
    /** Addresses unsubscribed (not bounced) from the campaign's mail since a time: the send's unsubscribes outside the subscriber list. */
    async countUnsubscribedSince(campaignId: string, since: Date, reason: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(mailSuppressions)
        .where(and(eq(mailSuppressions.campaignId, campaignId), eq(mailSuppressions.reason, reason), gte(mailSuppressions.createdAt, since)));
      return row?.n ?? 0;
    },
    async isSuppressed(campaignId: string, address: string): Promise<boolean> {
      const rows = await db.select({ address: mailSuppressions.address }).from(mailSuppressions).where(and(eq(mailSuppressions.campaignId, campaignId), eq(mailSuppressions.address, address.toLowerCase())));
      return rows.length > 0;
    },
    async recordBody(htmlBody: string, linkMarker: string): Promise<string> {
      const [row] = await db.insert(mailBodies).values({ htmlBody, linkMarker }).returning({ id: mailBodies.id });
      if (!row) throw new Error('insert returned nothing');
      return row.id;
    },
    async findBody(id: string): Promise<{ htmlBody: string; linkMarker: string } | undefined> {
      const [row] = await db.select({ htmlBody: mailBodies.htmlBody, linkMarker: mailBodies.linkMarker }).from(mailBodies).where(eq(mailBodies.id, id));
      return row;
    },
    /** A newsletter send's progress: messages recorded, sent, waiting, failed for good, refused (5xx). */
    async countNewsletterMessages(newsletterId: string): Promise<{ total: number; sent: number; pending: number; failed: number; bounced: number }> {
      const [row] = await db
        .select({
          total: sql<number>`count(*)::int`,
          sent: sql<number>`count(${mailMessages.sentAt})::int`,
          pending: sql<number>`count(*) filter (where ${mailMessages.sentAt} is null and ${mailMessages.nextAttemptAt} is not null)::int`,
          failed: sql<number>`count(*) filter (where ${mailMessages.sentAt} is null and ${mailMessages.nextAttemptAt} is null and ${mailMessages.error} is not null)::int`,
          bounced: sql<number>`count(${mailMessages.bouncedAt})::int`,
        })
        .from(mailMessages)
        .where(eq(mailMessages.newsletterId, newsletterId));
      return row ?? { total: 0, sent: 0, pending: 0, failed: 0, bounced: 0 };
    },
    /**
     * Claims up to `limit` unsent messages whose next attempt is due: counts the attempt and pushes
     * next_attempt_at to `leaseUntil`, in one statement. SKIP LOCKED: two processes sweeping at
     * once take different rows, so a message is never sent twice at the same time.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<MailRow[]> {
      const cipher = await keyring.cipher();
      const due = db
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(and(isNull(mailMessages.sentAt), lte(mailMessages.nextAttemptAt, now), eq(mailMessages.transport, 'smtp')))
        .orderBy(asc(mailMessages.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(mailMessages)
        .set({ attempts: sql`${mailMessages.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(inArray(mailMessages.id, due))
        .returning();
      return rows.map((row) => openMail(cipher, row));
    },
    /** `memberOf`: only messages of no campaign or of a campaign the account is a member of. */
    async list(limit: number, scope: 'all' | { memberOf: string }): Promise<MailRow[]> {
      const cipher = await keyring.cipher();
      const where =
        scope === 'all'
          ? undefined
          : sql`(${mailMessages.campaignId} is null or ${mailMessages.campaignId} in (select m.campaign_id from memberships m where m.account_id = ${scope.memberOf}))`;
      const rows = await db.select().from(mailMessages).where(where).orderBy(desc(mailMessages.createdAt)).limit(limit);
      return rows.map((row) => openMail(cipher, row));
    },
    async find(id: string): Promise<MailRow | undefined> {
      const cipher = await keyring.cipher();
      const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
      return row ? openMail(cipher, row) : undefined;
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
