import type { WebhookDeliveryRow, WebhookRow } from '../../db/repositories/webhooks-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The campaign's webhooks and their latest deliveries with the outcome, for its admins. */
export async function listWebhooks(ctx: CommandContext, input: { slug: string }): Promise<{ webhooks: WebhookRow[]; deliveries: (WebhookDeliveryRow & { url: string })[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const webhooks = await ctx.repos.webhooks.listLive(campaign.id);
  const deliveries = await ctx.repos.webhooks.listDeliveries(campaign.id, 100);
  return { webhooks, deliveries };
}
