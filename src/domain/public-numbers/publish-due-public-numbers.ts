import type { CommandContext } from '../commands/command-context.js';
import { recordPublication } from './publish-public-numbers.js';

/**
 * The automatic publication, run by the server's sweep as the system: each campaign that asked
 * for it gets at most one publication per day (of its own calendar). Returns the campaigns published.
 */
export async function publishDuePublicNumbers(ctx: CommandContext, _input: Record<string, never>): Promise<string[]> {
  const { publicNumbers } = ctx.repos;
  const published: string[] = [];
  for (const campaign of await publicNumbers.listAutoPublishing()) {
    await publicNumbers.lockCampaign(campaign.id);
    const last = await publicNumbers.latest(campaign.id);
    if (last && last.asOf >= ctx.today(campaign)) continue;
    await recordPublication(ctx, campaign, { accountId: null, automatic: true });
    published.push(campaign.slug);
  }
  return published;
}
