import type { CardTextRow } from '../../db/repositories/cards-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';

/**
 * An organizer approves a card text: from now on it is what signers in its language read and
 * sign (the newest approved version per language). An approval is never withdrawn; a newer
 * approved version takes its place.
 */
export async function approveCardText(ctx: CommandContext, input: { slug: string; cardTextId: string }): Promise<CardTextRow> {
  const campaign = await openCampaign(ctx, input.slug, 'cards.enter');
  const accountId = ctx.requester.accountId;
  const { cards } = ctx.repos;
  const text = await cards.findCardTextById(campaign.id, input.cardTextId);
  if (!text) throw new AppError('not_found', 'No such card text.');
  const created = await cards.approveCardText({ cardTextId: text.id, campaignId: campaign.id, approvedBy: accountId, approvedAt: ctx.now });
  if (!created) throw new AppError('conflict', 'This card text is already approved.');
  await ctx.audit('card_text.approved', { campaignId: campaign.id, subject: { type: 'card_text', id: text.id }, details: { version: text.version, language: text.language } });
  return { ...text, approvedAt: ctx.now, approvedBy: accountId };
}
