import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** Every account of the instance, for its administrators. */
export async function listAccounts(ctx: CommandContext, _input: Record<string, never>): Promise<AccountRow[]> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  return ctx.repos.accounts.list();
}
