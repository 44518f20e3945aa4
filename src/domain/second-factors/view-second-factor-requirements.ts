import { roles, type Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

export type SecondFactorRequirement = { role: Role; required: boolean };

/** Which roles must have a second factor, every role listed (a role without a row requires none). */
export async function viewSecondFactorRequirements(ctx: CommandContext, _input: Record<string, never>): Promise<SecondFactorRequirement[]> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const rows = await ctx.repos.secondFactors.listRequirements();
  return roles.map((role) => ({ role, required: rows.find((r) => r.role === role)?.required ?? false }));
}
