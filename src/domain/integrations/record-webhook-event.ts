import type { WebhookEvent } from '../../vocabulary/api-keys.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Records an event for the campaign's webhooks in the command's own transaction (decision 0032):
 * committed with the change or not at all; delivered after the commit. The body is made once,
 * here, so every webhook and every retry gets the same bytes.
 */
export async function recordWebhookEvent(ctx: CommandContext, campaignId: string, event: WebhookEvent, data: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify({ event, created_date: ctx.now.toISOString(), data });
  return ctx.repos.webhooks.enqueue(campaignId, event, body, ctx.now);
}
