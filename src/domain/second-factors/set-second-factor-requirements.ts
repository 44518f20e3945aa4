import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';
import { viewSecondFactorRequirements, type SecondFactorRequirement } from './view-second-factor-requirements.js';

/**
 * The instance admin sets which roles must have a second factor. Sessions of accounts newly
 * required are sent to enrolment at their next request.
 */
export async function setSecondFactorRequirements(ctx: CommandContext, input: { requirements: { role: Role; required: boolean }[] }): Promise<SecondFactorRequirement[]> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const before = await viewSecondFactorRequirements(ctx, {});
  for (const { role, required } of input.requirements) await ctx.repos.secondFactors.setRequirement(role, required, ctx.now);
  const after = await viewSecondFactorRequirements(ctx, {});
  const changed = after.filter((a) => before.find((b) => b.role === a.role)?.required !== a.required);
  if (changed.length > 0) await ctx.audit('second_factor.requirements_changed', { campaignId: null, details: { changed, requirements: after } });
  return after;
}
