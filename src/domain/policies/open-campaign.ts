import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { isSystemRequester } from '../commands/requester.js';
import type { Action } from './campaign-policy.js';

/**
 * The campaign a command that the CLI also runs works on. A signed-in requester goes through the
 * policy (`ctx.authorize`). The system (`systemRequester('cli')`) names no account: whoever runs
 * the CLI on the server already holds the database's own credentials, so it may work on any
 * campaign, found by its slug. Such commands pass `campaignId` to `ctx.audit` themselves, since no
 * `authorize` call has named the campaign.
 */
export async function openCampaign(ctx: CommandContext, slug: string, action: Action): Promise<CampaignRow> {
  if (!isSystemRequester(ctx.requester)) return (await ctx.authorize(slug, action)).campaign;
  const campaign = await ctx.repos.campaigns.findBySlug(slug);
  if (!campaign) throw new AppError('not_found', `No campaign "${slug}".`);
  return campaign;
}
