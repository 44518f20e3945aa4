import type { CardTextRow } from '../../db/repositories/cards-repository.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';

/**
 * A new version of the card's text in one language. Signers see it only once an organizer
 * approved it (approveCardText); cards already signed keep the text they were signed with.
 */
export async function createCardText(ctx: CommandContext, input: { slug: string; language: Language; title: string; body: string }): Promise<CardTextRow> {
  // The CLI writes card texts at set-up too (openCampaign: no account behind it).
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const row = await ctx.repos.cards.createCardText({ campaignId: campaign.id, language: input.language, title: input.title, body: input.body.replace(/\r\n/g, '\n'), createdBy: ctx.requester.accountId });
  await ctx.audit('card_text.created', { campaignId: campaign.id, subject: { type: 'card_text', id: row.id }, details: { version: row.version, language: row.language } });
  return row;
}
