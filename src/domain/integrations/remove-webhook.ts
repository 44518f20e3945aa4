import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Stops a webhook: nothing new is recorded for it; deliveries already recorded keep their history. */
export async function removeWebhook(ctx: CommandContext, input: { slug: string; webhookId: string }): Promise<void> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const row = await ctx.repos.webhooks.remove(campaign.id, input.webhookId, ctx.now);
  if (!row) throw new AppError('not_found', 'No such webhook.');
  await ctx.audit('webhook.removed', { subject: { type: 'webhook', id: row.id }, details: { url: row.url } });
}
