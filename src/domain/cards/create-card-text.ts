import type { CardTextRow } from '../../db/repositories/cards-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** A new version of the card's text; cards already signed keep the text they were signed with. */
export async function createCardText(ctx: CommandContext, input: { slug: string; title: string; body: string }): Promise<CardTextRow> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'campaign.manage');
  const row = await ctx.repos.cards.createCardText({ campaignId: campaign.id, title: input.title, body: input.body.replace(/\r\n/g, '\n'), createdBy: accountId });
  await ctx.audit('card_text.created', { subject: { type: 'card_text', id: row.id }, details: { version: row.version } });
  return row;
}
