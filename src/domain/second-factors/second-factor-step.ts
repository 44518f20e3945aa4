import type { CommandContext } from '../commands/command-context.js';

/**
 * Where a session stands with its second factor:
 * - `done`: passed, or not needed (no factor enrolled and none required);
 * - `verify`: the account has a factor, and this session has not yet passed it;
 * - `enrol`: a role of the account requires a factor, and it has none yet.
 * Until `done`, the session reaches nothing but its second step (decision 0026).
 */
export type SecondFactorStep = 'done' | 'verify' | 'enrol';

export function decideSecondFactorStep(state: { required: boolean; enrolled: boolean; verified: boolean }): SecondFactorStep {
  if (state.verified) return 'done';
  if (state.enrolled) return 'verify';
  return state.required ? 'enrol' : 'done';
}

/** The step of a session, read on the command's transaction (at every request, so a change of role or requirement applies at once). */
export async function secondFactorStepOf(ctx: CommandContext, accountId: string, sessionId: string): Promise<SecondFactorStep> {
  return decideSecondFactorStep(await ctx.repos.secondFactors.stateOf(accountId, sessionId));
}
