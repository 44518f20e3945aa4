import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { mailMessages, petitionSignatures } from '../schema/index.js';

export type NewSignature = typeof petitionSignatures.$inferInsert & { id: string; petitionId: string; email: string };

/**
 * What happened to a queued signature, decided inside the transaction:
 * - `new`: inserted;
 * - `duplicate_unconfirmed`: this email already signed but never confirmed; its confirmation
 *   token was replaced by this request's, so the newest email's link works;
 * - `duplicate_confirmed`: already signed and confirmed (or a second copy in the same batch).
 */
export type SignatureOutcome = 'new' | 'duplicate_unconfirmed' | 'duplicate_confirmed';

export type MailDraft = { campaignId: string | null; kind: string; toAddress: string; subject: string; textBody: string; transport: 'smtp' | 'outbox' };

export type QueuedSignature = {
  row: NewSignature;
  /** The message to record for this outcome, in the same transaction (null: send nothing). */
  mail: (outcome: SignatureOutcome) => MailDraft | null;
};

export type WrittenSignature = { outcome: SignatureOutcome; mailId: string | null; mail: MailDraft | null };

type Pending = { item: QueuedSignature; resolve: (w: WrittenSignature) => void; reject: (e: unknown) => void };

const keyOf = (petitionId: string, email: string): string => `${petitionId} ${email.toLowerCase()}`;

/**
 * Group commit for petition signatures. Requests arriving within a few milliseconds are written in
 * one transaction (signatures and their confirmation emails together) and each request is
 * answered only after that COMMIT: synchronous_commit stays on, so every acknowledged signature is
 * on disk, but one WAL flush serves dozens of signers instead of one.
 */
export function createSignatureWriter(db: Db, options: { windowMs?: number; maxBatch?: number } = {}) {
  const windowMs = options.windowMs ?? 3;
  const maxBatch = options.maxBatch ?? 200;
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;

  async function writeBatch(items: QueuedSignature[]): Promise<WrittenSignature[]> {
    return db.transaction(async (tx) => {
      const inserted = await tx
        .insert(petitionSignatures)
        .values(items.map((i) => i.row))
        .onConflictDoNothing()
        .returning({ id: petitionSignatures.id });
      const insertedIds = new Set(inserted.map((r) => r.id));

      // Of the duplicates, the last one per (petition, email) refreshes the token of an unconfirmed
      // signature; the database says which ones were unconfirmed.
      const refresh = new Map<string, QueuedSignature>();
      for (const item of items) if (!insertedIds.has(item.row.id)) refresh.set(keyOf(item.row.petitionId, item.row.email), item);
      const unconfirmed = new Set<string>();
      if (refresh.size > 0) {
        const list = [...refresh.values()];
        const result = await tx.execute<{ petition_id: string; email: string }>(sql`
          update ${petitionSignatures} s
             set confirmation_token_hash = v.token_hash
            from unnest(${sql.param(list.map((i) => i.row.petitionId))}::uuid[], ${sql.param(list.map((i) => i.row.email.toLowerCase()))}::text[], ${sql.param(list.map((i) => i.row.confirmationTokenHash ?? null))}::text[])
                 as v(petition_id, email, token_hash)
           where s.petition_id = v.petition_id and lower(s.email) = v.email and s.confirmed_at is null
       returning s.petition_id, lower(s.email) as email`);
        for (const r of result.rows) unconfirmed.add(keyOf(r.petition_id, r.email));
      }

      const outcomes = items.map((item): SignatureOutcome => {
        if (insertedIds.has(item.row.id)) return 'new';
        const key = keyOf(item.row.petitionId, item.row.email);
        return refresh.get(key) === item && unconfirmed.has(key) ? 'duplicate_unconfirmed' : 'duplicate_confirmed';
      });
      const drafts = items.map((item, i) => item.mail(outcomes[i] ?? 'duplicate_confirmed'));
      const toRecord = drafts.flatMap((d, i) => (d ? [{ d, i }] : []));
      const mailIds = new Map<number, string>();
      if (toRecord.length > 0) {
        const rows = await tx
          .insert(mailMessages)
          .values(toRecord.map(({ d }) => d))
          .returning({ id: mailMessages.id });
        rows.forEach((r, k) => {
          const entry = toRecord[k];
          if (entry) mailIds.set(entry.i, r.id);
        });
      }
      return items.map((_, i) => ({ outcome: outcomes[i] ?? 'duplicate_confirmed', mailId: mailIds.get(i) ?? null, mail: drafts[i] ?? null }));
    });
  }

  async function flush(): Promise<void> {
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      const written = await writeBatch(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        const w = written[i];
        if (w) p.resolve(w);
        else p.reject(new Error('batch result missing'));
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // One bad row must not fail its neighbours: retry each on its own.
      for (const p of batch) {
        try {
          const [w] = await writeBatch([p.item]);
          if (w) p.resolve(w);
          else p.reject(new Error('batch result missing'));
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }

  return {
    /** Resolves after the signature (and its email) are committed. */
    write(item: QueuedSignature): Promise<WrittenSignature> {
      return new Promise<WrittenSignature>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch) {
          if (timer) clearTimeout(timer);
          void flush();
        } else if (!timer) {
          timer = setTimeout(() => void flush(), windowMs);
        }
      });
    },
  };
}

export type SignatureWriter = ReturnType<typeof createSignatureWriter>;
