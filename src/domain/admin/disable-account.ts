import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import { ensureAdminsRemain } from '../accounts/ensure-admins-remain.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * An instance admin disables an account (a phone stolen, someone who left the committee on bad
 * terms): its sessions and unused links end now, and every request of a session that survived the
 * race is refused, because each request reads the account again. Its memberships stay, so enabling
 * it again restores what it had. The last administrators cannot be disabled.
 */
export async function disableAccount(ctx: CommandContext, input: { accountId: string }): Promise<AccountRow> {
  const admin = await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const { accounts } = ctx.repos;
  const target = await accounts.findById(input.accountId);
  if (!target) throw new AppError('not_found', 'No such account.', [{ field: 'accountId', reason: 'not found' }]);
  if (admin && target.id === admin.id) throw new AppError('conflict', 'You cannot disable your own account. Ask another server administrator.', [{ field: 'accountId', reason: 'is your own account' }]);
  if (target.disabledAt) return target;
  await ensureAdminsRemain(ctx, target, { instance: true, campaigns: true });
  await accounts.setDisabled(target.id, ctx.now);
  const sessionsEnded = await accounts.deleteSessionsOf(target.id);
  await accounts.expireLoginTokens(target.id, ctx.now);
  await ctx.audit('account.disabled', { campaignId: null, subject: { type: 'account', id: target.id }, details: { email: target.email, sessionsEnded } });
  return { ...target, disabledAt: ctx.now };
}
