import type { SubscriberRow } from '../../db/repositories/newsletter-subscribers-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { verifySubscriptionToken, type SubscriptionPurpose } from '../public-site/subscription-tokens.js';

export type SubscriptionLink = { campaignId: string; subscriberId: string; token: string; secret: string };

/** The subscription a link from an email names, if its signature holds for that purpose. */
export async function findSubscription(ctx: CommandContext, input: SubscriptionLink & { purpose: SubscriptionPurpose }): Promise<SubscriberRow | undefined> {
  if (!verifySubscriptionToken(input.secret, input.purpose, input.subscriberId, input.token)) return undefined;
  return ctx.repos.subscribers.find(input.campaignId, input.subscriberId);
}
