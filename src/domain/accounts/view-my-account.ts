import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';

export type MyAccount = { account: AccountRow; campaigns: { campaign: CampaignRow; role: Role }[] };

/** The signed-in account and the campaigns it belongs to, with its role in each. */
export async function viewMyAccount(ctx: CommandContext, _input: Record<string, never>): Promise<MyAccount> {
  const account = ctx.requester.accountId ? await ctx.repos.accounts.findById(ctx.requester.accountId) : undefined;
  if (!account) throw new AppError('unauthenticated', 'Sign in first.');
  return { account, campaigns: await ctx.repos.campaigns.listForAccount(account.id) };
}
