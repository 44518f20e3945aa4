import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';
import { insertAccount } from './insert-account.js';
import { LOGIN_LINK_MINUTES } from './issue-login-link.js';

export type CreateAccountInput = { email: string; name: string; instanceAdmin: boolean; publicUrl: string };

/**
 * An instance admin makes an account; the newcomer gets a welcome message with a one-time link
 * to choose their password, recorded with the account and delivered after the commit.
 */
export async function createAccount(ctx: CommandContext, input: CreateAccountInput): Promise<AccountRow> {
  const admin = await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const { account, welcomeLink } = await insertAccount(ctx, input);
  await ctx.recordMail({
    kind: 'welcome',
    campaignId: null,
    to: account.email,
    subject: 'Your Unionhall account',
    text: `${admin?.name ?? 'The administrator of this Unionhall'} made you a Unionhall account.\n\nOpen this link within ${LOGIN_LINK_MINUTES.welcome / 60} hours to choose your password:\n${welcomeLink}\n`,
  });
  await ctx.audit('account.created', { campaignId: null, subject: { type: 'account', id: account.id }, details: { email: account.email, instanceAdmin: account.instanceAdmin } });
  return account;
}

