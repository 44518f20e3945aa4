import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { issueLoginLink } from './issue-login-link.js';

/** Adds an account (no password yet) and its one-time welcome link; emails are unique whatever their case. */
export async function insertAccount(ctx: CommandContext, input: { email: string; name: string; instanceAdmin: boolean; publicUrl: string }): Promise<{ account: AccountRow; welcomeLink: string }> {
  if (await ctx.repos.accounts.findByEmail(input.email)) throw new AppError('conflict', 'An account with that email already exists.', [{ field: 'email', reason: 'already in use' }]);
  const account = await ctx.repos.accounts.create({ email: input.email, name: input.name, instanceAdmin: input.instanceAdmin });
  return { account, welcomeLink: await issueLoginLink(ctx, account, 'welcome', input.publicUrl) };
}
