import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';
import { changeMembership } from './change-membership.js';
import { insertAccount } from './insert-account.js';
import { loadManagedCampaign } from './managed-campaign.js';

export type CreateMemberAccountInput = {
  /** The campaign; the default campaign when absent (CLI only). */
  slug?: string;
  email: string;
  name: string;
  role: Role;
  worksiteIds: string[];
  instanceAdmin: boolean;
  publicUrl: string;
};

/**
 * Makes an account that is already a member of a campaign (`unionhall user create`): the account,
 * its role and its welcome link commit together, or, when the role is refused, none of them. The
 * link is returned for the operator to pass on, not mailed.
 */
export async function createMemberAccount(ctx: CommandContext, input: CreateMemberAccountInput): Promise<{ account: AccountRow; campaignSlug: string; welcomeLink: string }> {
  const campaign = await loadManagedCampaign(ctx, input.slug);
  const { account, welcomeLink } = await insertAccount(ctx, input);
  await changeMembership(ctx, { campaign, accountId: account.id, role: input.role, worksiteIds: input.worksiteIds });
  await ctx.audit('account.created', { campaignId: campaign.id, subject: { type: 'account', id: account.id }, details: { email: account.email, role: input.role } });
  return { account, campaignSlug: campaign.slug, welcomeLink };
}
