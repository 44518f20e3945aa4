import type { CampaignRow, EmployerSetupRow, UnitRow } from '../../db/repositories/campaigns-repository.js';
import type { CardTextRow } from '../../db/repositories/cards-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';

export type CampaignSetup = {
  campaign: CampaignRow;
  employers: EmployerSetupRow[];
  worksites: { id: string; name: string; city: string | null; employerId: string }[];
  units: UnitRow[];
  cardTexts: CardTextRow[];
};

/** Everything set-up entered, for the settings page and `unionhall campaign show`. */
export async function viewCampaignSetup(ctx: CommandContext, input: { slug: string }): Promise<CampaignSetup> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const employers = await ctx.repos.campaigns.listEmployers(campaign.id);
  const worksites = await ctx.repos.campaigns.listWorksites(campaign.id);
  const units = await ctx.repos.campaigns.listUnits(campaign.id);
  const cardTexts = await ctx.repos.cards.listCardTexts(campaign.id);
  return { campaign, employers, worksites: worksites.map((w) => ({ id: w.id, name: w.name, city: w.city, employerId: w.employerId })), units, cardTexts };
}
