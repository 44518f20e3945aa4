import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CardTextRow, WorksiteWithEmployer } from '../../db/repositories/cards-repository.js';
import type { CommandContext } from '../commands/command-context.js';

export type CardForm = { text: CardTextRow; worksites: WorksiteWithEmployer[] };

/** The card text and schools the public form shows, or null when the campaign takes no cards yet. */
export async function loadCardForm(ctx: CommandContext, input: { campaign: CampaignRow }): Promise<CardForm | null> {
  const text = await ctx.repos.cards.currentCardText(input.campaign.id);
  if (!text) return null;
  return { text, worksites: await ctx.repos.cards.listWorksitesWithEmployers(input.campaign.id) };
}
