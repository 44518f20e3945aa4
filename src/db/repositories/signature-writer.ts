import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { uuidV7 } from '../uuid-v7.js';
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

/** The mail rows written with a signature: the mail_messages columns the writer fills. */
export type MailDraft = { campaignId: string | null; kind: string; toAddress: string; subject: string; textBody: string; transport: 'smtp' | 'outbox' };

export type QueuedSignature = {
  row: NewSignature;
  /** The message to record for this outcome, in the same transaction (null: send nothing). */
  mail: (outcome: SignatureOutcome) => MailDraft | null;
};

export type WrittenSignature = { outcome: SignatureOutcome; mailId: string | null; mail: MailDraft | null };

type Pending = { item: QueuedSignature; resolve: (w: WrittenSignature) => void; reject: (e: unknown) => void };

const keyOf = (petitionId: string, email: string): string => `${petitionId} ${email.toLowerCase()}`;

const INSERT_NEW = `
with input as (
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::boolean[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::text[], $16::text[])
    as t(id, petition_id, given_name, family_name, email, postal_code, city, relationship, comment,
         show_publicly, status, hold_reason, confirmation_token_hash, created_at, ip_hash, source)
), ins as (
  insert into petition_signatures (id, petition_id, given_name, family_name, email, postal_code, city, relationship, comment,
                                   show_publicly, status, hold_reason, confirmation_token_hash, created_at, ip_hash, source)
  select * from input
  on conflict do nothing
  returning id
), mail as (
  insert into mail_messages (id, campaign_id, kind, to_address, subject, text_body, transport)
  select m.id, m.campaign_id, m.kind, m.to_address, m.subject, m.text_body, m.transport
    from unnest($17::uuid[], $18::uuid[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::uuid[])
      as m(id, campaign_id, kind, to_address, subject, text_body, transport, signature_id)
   where m.signature_id in (select id from ins)
  returning id
)
select id from ins`;

/**
 * Group commit for petition signatures. Requests arriving within a few milliseconds are written in
 * one statement (signatures and their confirmation emails together) and each request is
 * answered only after it commits: synchronous_commit stays on, so every acknowledged signature is
 * on disk, but one WAL flush serves dozens of signers instead of one.
 */
export function createSignatureWriter(db: Db, options: { windowMs?: number; maxBatch?: number; maxInFlight?: number } = {}) {
  const windowMs = options.windowMs ?? 2;
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? 4;
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight = 0;

  // The common case, one statement: new signatures and their confirmation emails. A single
  // statement is atomic on its own, so it needs no BEGIN/COMMIT round trips, and unnest() binds
  // one array per column instead of one parameter per value.
  async function insertNew(items: QueuedSignature[], drafts: (MailDraft | null)[], mailIds: string[]): Promise<Set<string>> {
    const r = items.map((i) => i.row);
    const withMail = drafts.flatMap((d, k) => (d ? [{ d, k }] : []));
    const values: unknown[] = [
        r.map((x) => x.id),
        r.map((x) => x.petitionId),
        r.map((x) => x.givenName),
        r.map((x) => x.familyName),
        r.map((x) => x.email),
        r.map((x) => x.postalCode ?? null),
        r.map((x) => x.city ?? null),
        r.map((x) => x.relationship),
        r.map((x) => x.comment ?? null),
        r.map((x) => x.showPublicly ?? false),
        r.map((x) => x.status),
        r.map((x) => x.holdReason ?? null),
        r.map((x) => x.confirmationTokenHash ?? null),
        r.map((x) => (x.createdAt instanceof Date ? x.createdAt.toISOString() : new Date().toISOString())),
        r.map((x) => x.ipHash ?? null),
        r.map((x) => x.source),
        withMail.map(({ k }) => mailIds[k]),
        withMail.map(({ d }) => d.campaignId),
        withMail.map(({ d }) => d.kind),
        withMail.map(({ d }) => d.toAddress),
        withMail.map(({ d }) => d.subject),
        withMail.map(({ d }) => d.textBody),
        withMail.map(({ d }) => d.transport),
        withMail.map(({ k }) => r[k]?.id),
    ];
    // Straight to the pool, as a named (prepared once per connection) statement: it runs for
    // every batch, and the query builder would only rebuild the same text each time.
    const result = await db.$client.query<{ id: string }>({ name: 'petition_signatures_insert_batch_v1', text: INSERT_NEW, values });
    return new Set(result.rows.map((row) => row.id));
  }

  // The rare case: this email already signed. In one transaction, refresh the token of an
  // unconfirmed signature (the last copy per address wins) and record the "already signed" emails.
  async function writeDuplicates(items: QueuedSignature[]): Promise<WrittenSignature[]> {
    return db.transaction(async (tx) => {
      const refresh = new Map<string, QueuedSignature>();
      for (const item of items) refresh.set(keyOf(item.row.petitionId, item.row.email), item);
      const list = [...refresh.values()];
      const result = await tx.execute<{ petition_id: string; email: string }>(sql`
        update ${petitionSignatures} s
           set confirmation_token_hash = v.token_hash
          from unnest(${sql.param(list.map((i) => i.row.petitionId))}::uuid[], ${sql.param(list.map((i) => i.row.email.toLowerCase()))}::text[], ${sql.param(list.map((i) => i.row.confirmationTokenHash ?? null))}::text[])
               as v(petition_id, email, token_hash)
         where s.petition_id = v.petition_id and lower(s.email) = v.email and s.confirmed_at is null
     returning s.petition_id, lower(s.email) as email`);
      const unconfirmed = new Set(result.rows.map((row) => keyOf(row.petition_id, row.email)));
      const outcomes = items.map((item): SignatureOutcome => {
        const key = keyOf(item.row.petitionId, item.row.email);
        return refresh.get(key) === item && unconfirmed.has(key) ? 'duplicate_unconfirmed' : 'duplicate_confirmed';
      });
      const drafts = items.map((item, i) => item.mail(outcomes[i] ?? 'duplicate_confirmed'));
      const mailIds = items.map(() => uuidV7());
      const toRecord = drafts.flatMap((d, i) => (d ? [{ ...d, id: mailIds[i] }] : []));
      if (toRecord.length > 0) await tx.insert(mailMessages).values(toRecord);
      return items.map((_, i) => ({ outcome: outcomes[i] ?? 'duplicate_confirmed', mailId: drafts[i] ? (mailIds[i] ?? null) : null, mail: drafts[i] ?? null }));
    });
  }

  async function writeBatch(items: QueuedSignature[]): Promise<WrittenSignature[]> {
    const drafts = items.map((item) => item.mail('new'));
    const mailIds = items.map(() => uuidV7());
    const inserted = await insertNew(items, drafts, mailIds);
    const results: (WrittenSignature | undefined)[] = items.map((item, i) =>
      inserted.has(item.row.id) ? { outcome: 'new', mailId: drafts[i] ? (mailIds[i] ?? null) : null, mail: drafts[i] ?? null } : undefined,
    );
    const duplicates = items.filter((item) => !inserted.has(item.row.id));
    if (duplicates.length > 0) {
      const written = await writeDuplicates(duplicates);
      let k = 0;
      results.forEach((r, i) => {
        if (!r) results[i] = written[k++];
      });
    }
    return results.map((r) => r ?? { outcome: 'duplicate_confirmed', mailId: null, mail: null });
  }

  async function writeAndSettle(batch: Pending[]): Promise<void> {
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

  // At most `maxInFlight` statements at a time: whatever arrives meanwhile waits for the next
  // one, so the busier the server, the bigger (and fewer) the commits.
  function flush(): void {
    timer = null;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      void writeAndSettle(batch).finally(() => {
        inFlight--;
        if (queue.length > 0 && !timer) flush();
      });
    }
  }

  return {
    /** Resolves after the signature (and its email) are committed. */
    write(item: QueuedSignature): Promise<WrittenSignature> {
      return new Promise<WrittenSignature>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (inFlight >= maxInFlight) return; // the running statement's completion flushes us
        if (queue.length >= maxBatch) {
          if (timer) clearTimeout(timer);
          flush();
        } else if (!timer) {
          timer = setTimeout(flush, windowMs);
        }
      });
    },
  };
}

export type SignatureWriter = ReturnType<typeof createSignatureWriter>;
