import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import { ensureAdminsRemain } from '../accounts/ensure-admins-remain.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** An instance admin gives or takes server administration; the server always keeps one enabled administrator. */
export async function setInstanceAdmin(ctx: CommandContext, input: { accountId: string; instanceAdmin: boolean }): Promise<AccountRow> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const target = await ctx.repos.accounts.findById(input.accountId);
  if (!target) throw new AppError('not_found', 'No such account.', [{ field: 'accountId', reason: 'not found' }]);
  if (target.instanceAdmin === input.instanceAdmin) return target;
  if (!input.instanceAdmin) await ensureAdminsRemain(ctx, target, { instance: true, campaigns: false });
  await ctx.repos.accounts.setInstanceAdmin(target.id, input.instanceAdmin);
  await ctx.audit('account.instance_admin_changed', { campaignId: null, subject: { type: 'account', id: target.id }, details: { email: target.email, from: target.instanceAdmin, to: input.instanceAdmin } });
  return { ...target, instanceAdmin: input.instanceAdmin };
}
