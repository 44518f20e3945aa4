import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { uuidV7 } from '../../support/uuid-v7.js';
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
export type MailDraft = {
  campaignId: string | null;
  kind: string;
  toAddress: string;
  subject: string;
  textBody: string;
  transport: 'smtp' | 'outbox';
  /** The first attempt's claim (newMailDelivery in mail/create-mailer.ts): an unsent message is retried when it lapses. */
  attempts: number;
  nextAttemptAt: Date | null;
};

export type QueuedSignature = {
  row: NewSignature;
  /**
   * The message to record for this outcome, in the same transaction (null: send nothing).
   * `signatureId` is the row the email is about: this request's row when it is new, the earlier
   * row of the same address when it is a duplicate (its confirmation link must point there).
   */
  mail: (outcome: SignatureOutcome, signatureId: string) => MailDraft | null;
};

export type WrittenSignature = { outcome: SignatureOutcome; mailId: string | null; mail: MailDraft | null };

type Pending = { item: QueuedSignature; resolve: (w: WrittenSignature) => void; reject: (e: unknown) => void };

const keyOf = (petitionId: string, email: string): string => `${petitionId} ${email.toLowerCase()}`;

const INSERT_NEW = `
with ins as (
  insert into petition_signatures (id, petition_id, given_name, family_name, email, postal_code, city, relationship, comment,
                                   show_publicly, status, hold_reason, confirmation_token_hash, created_at, ip_hash, source, details, updated_at)
  select id, petition_id, given_name, family_name, email, postal_code, city, relationship, comment,
         show_publicly, status, hold_reason, confirmation_token_hash, created_at, ip_hash, source, coalesce(details, '{}'::jsonb), created_at
    from json_to_recordset($1::json)
      as t(id uuid, petition_id uuid, given_name text, family_name text, email text, postal_code text, city text, relationship text,
           comment text, show_publicly boolean, status text, hold_reason text, confirmation_token_hash text, created_at timestamptz,
           ip_hash text, source text, details jsonb)
  on conflict do nothing
  returning id
), mail as (
  insert into mail_messages (id, campaign_id, kind, to_address, subject, text_body, transport, attempts, next_attempt_at)
  select m.id, m.campaign_id, m.kind, m.to_address, m.subject, m.text_body, m.transport, m.attempts, m.next_attempt_at
    from json_to_recordset($2::json)
      as m(id uuid, campaign_id uuid, kind text, to_address text, subject text, text_body text, transport text, attempts integer,
           next_attempt_at timestamptz, signature_id uuid)
   where m.signature_id in (select id from ins)
  returning id
)
select id from ins`;

// JSON.stringify escapes a lone UTF-16 surrogate as \udxxx, which PostgreSQL's json refuses; a
// text parameter would have carried it as U+FFFD (what Buffer's UTF-8 encoding makes of it), so
// do the same here. A real pair is written as raw characters, never escaped, so every escape of a
// surrogate that is not itself an escaped backslash followed by "u" is a lone one.
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/** JSON text for a `json` parameter, with lone surrogates turned into U+FFFD. */
export function toJsonParam(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE, '$1\\ufffd') : json;
}

/**
 * Group commit for petition signatures. Requests that arrive while earlier ones are being written
 * are written together, in one statement (signatures and their confirmation emails together) and each request is
 * answered only after it commits: synchronous_commit stays on, so every acknowledged signature is
 * on disk, but one WAL flush serves dozens of signers instead of one.
 */
export function createSignatureWriter(db: Db, options: { maxBatch?: number; maxInFlight?: number } = {}) {
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? 2;
  let queue: Pending[] = [];
  let scheduled = false;
  let inFlight = 0;

  // The common case, one statement: new signatures and their confirmation emails. A single
  // statement is atomic on its own, so it needs no BEGIN/COMMIT round trips, and the rows travel
  // as two JSON parameters instead of one parameter per value.
  async function insertNew(items: QueuedSignature[], drafts: (MailDraft | null)[], mailIds: string[]): Promise<Set<string>> {
    // Two JSON parameters rather than one array per column: JSON.stringify runs natively, where
    // node-postgres would build and escape 24 array literals in JavaScript for every batch.
    const rows = items.map(({ row: x }) => ({
      id: x.id,
      petition_id: x.petitionId,
      given_name: x.givenName,
      family_name: x.familyName,
      email: x.email,
      postal_code: x.postalCode ?? null,
      city: x.city ?? null,
      relationship: x.relationship,
      comment: x.comment ?? null,
      show_publicly: x.showPublicly ?? false,
      status: x.status,
      hold_reason: x.holdReason ?? null,
      confirmation_token_hash: x.confirmationTokenHash ?? null,
      created_at: x.createdAt instanceof Date ? x.createdAt.toISOString() : new Date().toISOString(),
      ip_hash: x.ipHash ?? null,
      source: x.source,
      details: x.details ?? null,
    }));
    const mails = drafts.flatMap((d, k) =>
      d
        ? [
            {
              id: mailIds[k],
              campaign_id: d.campaignId,
              kind: d.kind,
              to_address: d.toAddress,
              subject: d.subject,
              text_body: d.textBody,
              transport: d.transport,
              attempts: d.attempts,
              next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
              signature_id: items[k]?.row.id,
            },
          ]
        : [],
    );
    const values = [toJsonParam(rows), toJsonParam(mails)];
    // Straight to the pool, as a named (prepared once per connection) statement: it runs for
    // every batch, and the query builder would only rebuild the same text each time.
    const result = await db.$client.query<{ id: string }>({ name: 'petition_signatures_insert_batch_v4', text: INSERT_NEW, values });
    return new Set(result.rows.map((row) => row.id));
  }

  // The rare case: this email already signed. In one transaction, refresh the token of an
  // unconfirmed signature (the last copy per address wins) and record the "already signed" emails.
  async function writeDuplicates(items: QueuedSignature[]): Promise<WrittenSignature[]> {
    return db.transaction(async (tx) => {
      const refresh = new Map<string, QueuedSignature>();
      for (const item of items) refresh.set(keyOf(item.row.petitionId, item.row.email), item);
      const list = [...refresh.values()];
      const result = await tx.execute<{ id: string; petition_id: string; email: string }>(sql`
        update ${petitionSignatures} s
           set confirmation_token_hash = v.token_hash
          from unnest(${sql.param(list.map((i) => i.row.petitionId))}::uuid[], ${sql.param(list.map((i) => i.row.email.toLowerCase()))}::text[], ${sql.param(list.map((i) => i.row.confirmationTokenHash ?? null))}::text[])
               as v(petition_id, email, token_hash)
         where s.petition_id = v.petition_id and lower(s.email) = v.email and s.confirmed_at is null
     returning s.id, s.petition_id, lower(s.email) as email`);
      const unconfirmed = new Map(result.rows.map((row) => [keyOf(row.petition_id, row.email), row.id]));
      const outcomes = items.map((item): SignatureOutcome => {
        const key = keyOf(item.row.petitionId, item.row.email);
        return refresh.get(key) === item && unconfirmed.has(key) ? 'duplicate_unconfirmed' : 'duplicate_confirmed';
      });
      const drafts = items.map((item, i) => item.mail(outcomes[i] ?? 'duplicate_confirmed', unconfirmed.get(keyOf(item.row.petitionId, item.row.email)) ?? item.row.id));
      const mailIds = items.map(() => uuidV7());
      const toRecord = drafts.flatMap((d, i) => (d ? [{ ...d, id: mailIds[i] }] : []));
      if (toRecord.length > 0) await tx.insert(mailMessages).values(toRecord);
      return items.map((_, i) => ({ outcome: outcomes[i] ?? 'duplicate_confirmed', mailId: drafts[i] ? (mailIds[i] ?? null) : null, mail: drafts[i] ?? null }));
    });
  }

  async function writeBatch(items: QueuedSignature[]): Promise<WrittenSignature[]> {
    const drafts = items.map((item) => item.mail('new', item.row.id));
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

  // Classic group commit, no timer: a statement starts as soon as a slot is free, with whatever
  // has queued (requests parsed in the same turn of the event loop go together); while
  // `maxInFlight` statements run, arrivals wait and the first to finish takes them all. The
  // busier the server, the bigger (and fewer) the commits; an idle server adds no delay. Two in
  // flight rather than one: while one statement waits for its WAL flush, the next is executing.
  function flush(): void {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight++;
      void writeAndSettle(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  }

  return {
    /** Resolves after the signature (and its email) are committed. */
    write(item: QueuedSignature): Promise<WrittenSignature> {
      return new Promise<WrittenSignature>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // With every slot busy, the running statement's completion flushes us.
        if (inFlight < maxInFlight && !scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}

export type SignatureWriter = ReturnType<typeof createSignatureWriter>;
