import { randomBytes } from 'node:crypto';
import type { WebhookRow } from '../../db/repositories/webhooks-repository.js';
import type { WebhookEvent } from '../../vocabulary/api-keys.js';
import type { CommandContext } from '../commands/command-context.js';

/** An admin registers a URL and its events; the signing secret is returned this once. */
export async function createWebhook(ctx: CommandContext, input: { slug: string; url: string; events: WebhookEvent[] }): Promise<{ webhook: WebhookRow; secret: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const webhook = await ctx.repos.webhooks.insert({ campaignId: campaign.id, url: input.url, events: [...new Set(input.events)].sort(), secret, createdAt: ctx.now });
  await ctx.audit('webhook.created', { subject: { type: 'webhook', id: webhook.id }, details: { url: input.url, events: webhook.events } });
  return { webhook, secret };
}
