import type { DueDelivery, WebhooksRepository } from '../db/repositories/webhooks-repository.js';
import { signWebhook } from '../domain/integrations/webhook-signature.js';
import { createDueSweep } from '../support/due-sweep.js';

// A delivery's claim outlasts its request's time limit: it is retried only when the last attempt
// cannot still be running.
const REQUEST_TIMEOUT_MS = 10_000;
const ATTEMPT_CLAIM_MS = 60_000;
// Minutes to wait after failed attempt 1, 2, …, as for mail; after the last one the error is kept.
export const WEBHOOK_RETRY_AFTER_MINUTES = [1, 5, 15, 60, 240];

export type WebhookDeliverer = {
  /** Sends the deliveries that are due (new ones, failed ones whose wait is over). */
  retryDue: (limit?: number) => Promise<number>;
  /** After a commit that recorded events: sweep in the background (never awaited by a request). */
  kick: () => void;
  /** Resolves when no background sweep is running (tests, shutdown). */
  idle: () => Promise<void>;
};

/**
 * Delivers webhook events the way the mailer delivers mail (decision 0032): every delivery is a
 * row written with the change that caused it, claimed with SKIP LOCKED, POSTed with its HMAC
 * signature, and marked delivered (any 2xx) or failed with the status and a next attempt.
 */
export function createWebhookDeliverer(options: { repository: WebhooksRepository; now?: () => Date; fetch?: typeof fetch }): WebhookDeliverer {
  const now = options.now ?? (() => new Date());
  const send = options.fetch ?? fetch;
  const { repository } = options;

  async function deliver(d: DueDelivery): Promise<void> {
    const at = now();
    const timestamp = Math.floor(at.getTime() / 1000);
    let status: number | null = null;
    try {
      const res = await send(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Unionhall-Webhooks', 'unionhall-event': d.event, 'unionhall-delivery': d.id, 'unionhall-signature': signWebhook(d.secret, timestamp, d.body) },
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) {
        await repository.markDelivered(d.id, res.status, now());
        return;
      }
      throw new Error(`answered ${res.status}`);
    } catch (err) {
      const wait = WEBHOOK_RETRY_AFTER_MINUTES[d.attempts - 1];
      const reason = err instanceof Error ? err.message : String(err);
      await repository.markFailed(d.id, status, reason.slice(0, 500), wait === undefined ? null : new Date(now().getTime() + wait * 60_000));
    }
  }

  async function retryDue(limit = 20): Promise<number> {
    const at = now();
    const rows = await repository.claimDue(at, new Date(at.getTime() + ATTEMPT_CLAIM_MS), limit);
    for (const row of rows) await deliver(row);
    return rows.length;
  }

  // One background sweep at a time, as the mailer does.
  const sweep = createDueSweep(retryDue, 20);

  return { retryDue, kick: sweep.kick, idle: sweep.idle };
}
