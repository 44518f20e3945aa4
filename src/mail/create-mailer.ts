import nodemailer, { type Transporter } from 'nodemailer';
import type { MailRepository, MailRow } from '../db/repositories/mail-repository.js';
import { createDueSweep } from '../support/due-sweep.js';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  kind: string; // 'password_reset', 'welcome', 'card_confirmation', …
  campaignId?: string | null;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on newsletters. */
  headers?: Record<string, string>;
};

/** What one delivery sends: the recorded text, and the HTML part and sender settings when there are. */
export type DeliverableMail = Pick<OutgoingMail, 'to' | 'subject' | 'text' | 'headers'> & { html?: string | null; fromName?: string | null; replyTo?: string | null };

/** DKIM signing (RFC 6376) of every message, by nodemailer, with the domain's private key. */
export type DkimSettings = { domainName: string; keySelector: string; privateKey: string };

// The headers the signature covers: RFC 8058 §4 requires List-Unsubscribe and List-Unsubscribe-Post
// among them (a provider ignores a one-click header it cannot trust), and what a reader sees.
const DKIM_SIGNED_HEADERS = 'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:Content-Language:Auto-Submitted:List-Unsubscribe:List-Unsubscribe-Post:List-Id';

export type Mailer = {
  send: (mail: OutgoingMail) => Promise<{ id: string; delivered: boolean }>;
  /**
   * Sends a message whose mail_messages row was already written by the caller (in the caller's own
   * transaction, e.g. the petition's group commit) with the claim of `newMailDelivery`. Without
   * SMTP the row is the outbox: nothing to do.
   */
  deliverRecorded?: (id: string, mail: DeliverableMail) => Promise<boolean>;
  /** Sends the messages whose next attempt is due (failed ones, and ones a crash left unsent). */
  retryDue: (limit?: number) => Promise<number>;
  /** The delivery columns of a message a command records in its own transaction: due at once over SMTP. */
  initialDelivery: (now: Date) => { transport: 'smtp' | 'outbox'; attempts: number; nextAttemptAt: Date | null };
  /** After a commit that recorded mail: sweep due messages in the background (never awaited by a request). */
  kick: () => void;
  /** Resolves when no background sweep is running (tests, shutdown). */
  idle: () => Promise<void>;
  /**
   * At shutdown: claims nothing more, and resolves once every send already claimed has finished
   * (sent, or failed and scheduled again). What was never claimed stays due for the next process.
   */
  drain: () => Promise<void>;
  /** Attempts made by this process since it started, for /metrics. */
  stats: () => { sent: number; failed: number };
  close: () => void;
};

// An attempt's claim outlasts nodemailer's own time limits (connection 2 min, greeting 30 s,
// socket idle 10 min): a message is tried again only when its last attempt cannot still be running.
export const ATTEMPT_CLAIM_MS = 15 * 60_000;
// Minutes to wait after a failed attempt 1, 2, …; after the last one we stop and keep the error.
const RETRY_AFTER_MINUTES = [1, 5, 15, 60, 240];
export const MAX_ATTEMPTS = RETRY_AFTER_MINUTES.length + 1;

/**
 * The delivery columns a recorded message starts with: over SMTP its first attempt is claimed at
 * once (a crash before the send leaves it due for a retry); without, it is kept in the outbox.
 */
export function newMailDelivery(smtp: boolean, now: Date): { transport: 'smtp' | 'outbox'; attempts: number; nextAttemptAt: Date | null } {
  return smtp ? { transport: 'smtp', attempts: 1, nextAttemptAt: new Date(now.getTime() + ATTEMPT_CLAIM_MS) } : { transport: 'outbox', attempts: 0, nextAttemptAt: null };
}

// A 5xx reply is the receiving server's final word (no such mailbox, refused); anything else
// (4xx, a refused connection, a timeout) may work later.
function isPermanent(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'responseCode' in err ? Number(err.responseCode) : NaN;
  return code >= 500 && code < 600;
}

// Every message is written to mail_messages before it is sent: with SMTP that row is the
// transmission log (when, to where, what, how many attempts); without SMTP it is the outbox
// admins read in /app, so password resets and the demo work on a machine with no mail server.
export function createMailer(options: { smtpUrl: string | undefined; from: string; replyTo?: string | undefined; dkim?: DkimSettings | undefined; repository: MailRepository; now?: () => Date }): Mailer {
  const now = options.now ?? (() => new Date());
  const { repository } = options;
  // Pooled: a bulk send reuses a few SMTP connections instead of opening one per message (the
  // handshake, not the message, was most of each send). `?pool=false` in SMTP_URL turns it off.
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(pooledUrl(options.smtpUrl)) : null;
  const fromAddress = /<([^>]+)>/.exec(options.from)?.[1] ?? options.from;
  const dkim = options.dkim ? { ...options.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } : undefined;
  // Bulk sends share one HTML body among their messages: a few are kept in memory at a time, cut
  // once at the link marker, so a message's HTML is the pieces joined around its own link.
  const bodies = new Map<string, string[]>();
  async function composeHtml(row: MailRow): Promise<string | null> {
    if (row.htmlBody !== null) return row.htmlBody;
    if (row.bodyId === null) return null;
    let pieces = bodies.get(row.bodyId);
    if (!pieces) {
      const body = await repository.findBody(row.bodyId);
      if (!body) return null;
      pieces = body.htmlBody.split(body.linkMarker);
      if (bodies.size >= 16) bodies.delete(bodies.keys().next().value ?? '');
      bodies.set(row.bodyId, pieces);
    }
    return pieces.join(escapeHtmlAttribute(row.link ?? ''));
  }
  const counts = { sent: 0, failed: 0 };
  let draining = false;
  // Sends under way (claimed rows being delivered, until their outcome is recorded), so that a
  // shutdown can wait for them and a sweep keeps a bounded number handed to the pool. Settled
  // versions: an outcome that could not be recorded is the caller's to see, not an unhandled rejection.
  const sending = new Set<Promise<void>>();
  const settled = async (): Promise<void> => {
    while (sending.size > 0) await Promise.all([...sending]);
  };

  function deliver(id: string, mail: DeliverableMail, attempt: number, campaignId: string | null = null): Promise<boolean> {
    const attemptPromise = attemptDelivery(id, mail, attempt, campaignId);
    const done: Promise<void> = attemptPromise.then(() => undefined, () => undefined);
    sending.add(done);
    void done.then(() => sending.delete(done));
    return attemptPromise;
  }

  // Messages the server accepted, waiting to be marked sent: one UPDATE at a time marks all that
  // were accepted while the previous one ran (a group commit), instead of one UPDATE per message.
  // A message is marked only after its server accepted it; until its mark commits it is one of the
  // sends in flight (a crash then sends it again once its claim lapses, as before).
  let accepted: { id: string; messageId: string | null; at: Date; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let marking = false;
  function markSent(id: string, messageId: string | null, at: Date): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      accepted.push({ id, messageId, at, resolve, reject });
      if (!marking) void markAccepted();
    });
  }
  async function markAccepted(): Promise<void> {
    marking = true;
    try {
      while (accepted.length > 0) {
        const group = accepted;
        accepted = [];
        try {
          await repository.markSentMany(group);
          for (const sent of group) sent.resolve();
        } catch (err) {
          for (const sent of group) sent.reject(err);
        }
      }
    } finally {
      marking = false;
    }
  }

  async function attemptDelivery(id: string, mail: DeliverableMail, attempt: number, campaignId: string | null): Promise<boolean> {
    if (!transport) return false;
    let messageId: string | null;
    try {
      const replyTo = mail.replyTo ?? options.replyTo;
      const info = await transport.sendMail({
        from: mail.fromName ? { name: mail.fromName, address: fromAddress } : options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(replyTo ? { replyTo } : {}),
        headers: mail.headers,
        ...(dkim ? { dkim } : {}),
      });
      messageId = typeof info.messageId === 'string' ? info.messageId : null;
    } catch (err) {
      counts.failed++;
      // The row stays, with the reason: a failed confirmation must be visible, not lost.
      const permanent = isPermanent(err);
      const wait = permanent ? undefined : RETRY_AFTER_MINUTES[attempt - 1];
      // A hard bounce: the campaign's later sends skip the address (shown with the server's answer).
      if (permanent && campaignId) await repository.suppress(campaignId, mail.to, err instanceof Error ? err.message : String(err));
      if (permanent) await repository.markBounced(id, err instanceof Error ? err.message : String(err), now());
      else await repository.markFailed(id, err instanceof Error ? err.message : String(err), wait === undefined ? null : new Date(now().getTime() + wait * 60_000));
      return false;
    }
    // Accepted: counted, then marked (a mark that fails leaves the row claimed, to be sent again
    // once its claim lapses: never marked failed, which would send it again within a minute).
    counts.sent++;
    await markSent(id, messageId, now());
    return true;
  }

  async function claim(limit: number): Promise<MailRow[]> {
    if (!transport || draining) return [];
    const at = now();
    return repository.claimDue(at, new Date(at.getTime() + ATTEMPT_CLAIM_MS), limit);
  }

  /**
   * Hands claimed rows to the pool, keeping at most IN_FLIGHT sends under way (the pool queues a
   * few per connection, so none waits between messages, and only those few HTML parts are built at
   * a time). Resolves once the last row is handed over, with each send's outcome; each records its
   * own result on the database pool, outside any transaction.
   */
  async function dispatch(rows: readonly MailRow[]): Promise<Promise<boolean>[]> {
    const sends: Promise<boolean>[] = [];
    for (const row of rows) {
      const html = await composeHtml(row);
      // The check and the hand-over with no await between: two sweeps at once stay within the window.
      while (sending.size >= IN_FLIGHT) await Promise.race(sending);
      const send = deliver(row.id, { to: row.toAddress, subject: row.subject, text: row.textBody, headers: row.headers ?? undefined, html, fromName: row.fromName, replyTo: row.replyTo }, row.attempts, row.campaignId);
      // Seen by the caller through `sends`; handled here so a send no one awaits cannot crash the process.
      send.catch(() => undefined);
      sends.push(send);
    }
    return sends;
  }

  /** Claims up to `limit` due messages and resolves once each has been sent, or failed and been scheduled again. */
  async function retryDue(limit = 20): Promise<number> {
    const rows = await claim(limit);
    await Promise.all(await dispatch(rows));
    return rows.length;
  }

  // The background sweep: claims the next batch as soon as the last row of the current one is
  // handed to the pool, so the claim's round trip overlaps the sends still under way (idle() and
  // drain() wait for those too).
  async function sweepDue(limit: number): Promise<number> {
    const rows = await claim(limit);
    await dispatch(rows);
    return rows.length;
  }

  // One background sweep at a time; a kick during a sweep asks for one more pass, so a message
  // committed while the sweep ran is not left for the minute timer.
  const sweep = createDueSweep(sweepDue, CLAIM_BATCH);

  return {
    initialDelivery: (at) => (transport ? { transport: 'smtp', attempts: 0, nextAttemptAt: at } : { transport: 'outbox', attempts: 0, nextAttemptAt: null }),
    kick() {
      if (!transport || draining) return;
      sweep.kick();
    },
    async idle() {
      await sweep.idle();
      await settled();
    },
    async drain() {
      draining = true;
      await sweep.idle();
      await settled();
    },
    stats: () => ({ ...counts }),
    async send(mail) {
      const row = await repository.record({
        campaignId: mail.campaignId ?? null,
        kind: mail.kind,
        toAddress: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        headers: mail.headers ?? null,
        ...newMailDelivery(transport !== null, now()),
      });
      return { id: row.id, delivered: await deliver(row.id, mail, 1, row.campaignId) };
    },
    deliverRecorded: (id, mail) => deliver(id, mail, 1),
    retryDue,
    close() {
      transport?.close();
    },
  };
}

// Simultaneous SMTP connections of one process (nodemailer's pool default).
const SMTP_CONNECTIONS = 5;
// Sends handed to the pool at once: a few queued per connection, so a connection never waits for
// the outbox between two messages.
const IN_FLIGHT = 4 * SMTP_CONNECTIONS;
// Rows one claim takes. A crash leaves those not yet sent due again once their claim lapses
// (delayed, never lost); only the sends in flight, at most IN_FLIGHT, can go out twice.
const CLAIM_BATCH = 200;

function pooledUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', String(SMTP_CONNECTIONS));
  return url.toString();
}

function escapeHtmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
