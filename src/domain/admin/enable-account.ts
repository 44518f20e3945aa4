import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** An instance admin enables a disabled account again; it signs in afresh (its sessions ended when it was disabled). */
export async function enableAccount(ctx: CommandContext, input: { accountId: string }): Promise<AccountRow> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const target = await ctx.repos.accounts.findById(input.accountId);
  if (!target) throw new AppError('not_found', 'No such account.', [{ field: 'accountId', reason: 'not found' }]);
  if (!target.disabledAt) return target;
  await ctx.repos.accounts.setDisabled(target.id, null);
  await ctx.audit('account.enabled', { campaignId: null, subject: { type: 'account', id: target.id }, details: { email: target.email } });
  return { ...target, disabledAt: null };
}
