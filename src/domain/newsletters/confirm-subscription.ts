import type { CommandContext } from '../commands/command-context.js';
import { findSubscription, type SubscriptionLink } from './find-subscription.js';

/** The second step of the opt-in: the link in the confirmation email. False for a bad link. */
export async function confirmSubscription(ctx: CommandContext, input: SubscriptionLink): Promise<boolean> {
  const row = await findSubscription(ctx, { ...input, purpose: 'confirm' });
  if (!row) return false;
  await ctx.repos.subscribers.confirm(row.id, ctx.now);
  return true;
}
