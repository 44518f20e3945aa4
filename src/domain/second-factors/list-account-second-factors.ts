import type { AccountSecondFactors } from '../../db/repositories/second-factors-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** For the instance admin: which second factors each account has (never a secret), to reset one. */
export async function listAccountSecondFactors(ctx: CommandContext, _input: Record<string, never>): Promise<AccountSecondFactors[]> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  return ctx.repos.secondFactors.listAccounts();
}
