import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { checkCampaignSettings, type CampaignSettingsInput } from './campaign-settings.js';

/**
 * Changes what set-up entered (name, statement, time zone, goal, card validity, the mail settings:
 * sender name, Reply-To, the newsletter's color); only what is given. The one API that writes the
 * campaign's mail settings.
 */
export async function updateCampaignSettings(ctx: CommandContext, input: CampaignSettingsInput & { slug: string }): Promise<CampaignRow> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const { slug: _slug, ...given } = input;
  const settings = checkCampaignSettings(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  const row = await ctx.repos.campaigns.updateSettings(campaign.id, settings);
  if (!row) throw new AppError('not_found', 'No such campaign.');
  await ctx.audit('campaign.settings_changed', { campaignId: campaign.id, subject: { type: 'campaign', id: campaign.id }, details: { fields: Object.keys(settings) } });
  return row;
}
