import type { CommandContext } from '../commands/command-context.js';
import type { CampaignAccess } from '../policies/authorize-campaign.js';

/**
 * The name a rating or a conversation is signed with. Stored with the row, so it stays readable
 * after the account is gone.
 */
export async function findRequesterName(ctx: CommandContext, access: CampaignAccess): Promise<string> {
  const account = await ctx.repos.accounts.findById(access.accountId);
  return account?.name ?? access.accountEmail;
}
