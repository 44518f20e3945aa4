import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { FieldCipher, Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { mailMessages } from '../schema/index.js';

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
    /** `retryAt` null: give up (a permanent refusal, or out of attempts). */
    async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
      await db.update(mailMessages).set({ error, nextAttemptAt: retryAt }).where(eq(mailMessages.id, id));
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
