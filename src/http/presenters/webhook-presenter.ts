import type { Webhook, WebhookDelivery } from '../../contracts/integrations.js';
import type { WebhookDeliveryRow, WebhookRow } from '../../db/repositories/webhooks-repository.js';

/** A webhook as the app lists it: never its secret. */
export function presentWebhook(w: WebhookRow): Webhook {
  return { id: w.id, url: w.url, events: w.events, createdAt: w.createdAt.toISOString() };
}

/** A delivery's outcome, without its body (the body names a signer). */
export function presentWebhookDelivery(d: WebhookDeliveryRow & { url: string }): WebhookDelivery {
  return {
    id: d.id,
    url: d.url,
    event: d.event,
    createdAt: d.createdAt.toISOString(),
    attempts: d.attempts,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
  };
}
