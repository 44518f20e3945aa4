import type { Jurisdiction, ProvisionRow } from '../../db/repositories/conduct-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The legal provisions of the campaign's jurisdiction: the built-in ones and the campaign's own. */
export async function listProvisions(ctx: CommandContext, input: { slug: string }): Promise<{ jurisdiction: Jurisdiction; provisions: ProvisionRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.view');
  return { jurisdiction: campaign.jurisdiction, provisions: await ctx.repos.conduct.listProvisions(campaign.id, campaign.jurisdiction) };
}
