import type { CommandContext } from '../commands/command-context.js';
import { findSubscription, type SubscriptionLink } from './find-subscription.js';

/** One-click unsubscribe (RFC 8058): the signed link is the authority. False for a bad link. */
export async function unsubscribeFromNewsletter(ctx: CommandContext, input: SubscriptionLink): Promise<boolean> {
  const row = await findSubscription(ctx, { ...input, purpose: 'unsubscribe' });
  if (!row) return false;
  await ctx.repos.subscribers.unsubscribe(row.id, ctx.now);
  return true;
}
