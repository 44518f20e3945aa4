import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { decideSecondFactorStep, type SecondFactorStep } from './second-factor-step.js';

export type MySecondFactors = {
  step: SecondFactorStep;
  required: boolean;
  totp: boolean;
  hasPasskey: boolean;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
};

/** The requester's own second factors and where this session stands (reachable before the second step). */
export async function viewSecondFactors(ctx: CommandContext, input: { sessionId: string }): Promise<MySecondFactors> {
  const accountId = ctx.requester.accountId;
  if (!accountId) throw new AppError('unauthenticated', 'Sign in first.');
  const state = await ctx.repos.secondFactors.stateOf(accountId, input.sessionId);
  const summary = await ctx.repos.secondFactors.summaryOf(accountId);
  const step = decideSecondFactorStep(state);
  // Before the second step, only what is needed to pass it: whether there is an app, whether there are passkeys.
  const passkeys = step === 'done' ? await ctx.repos.secondFactors.listPasskeys(accountId) : [];
  return {
    step,
    required: state.required,
    totp: summary.totp,
    hasPasskey: summary.passkeys > 0,
    passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt })),
    recoveryCodesLeft: step === 'done' ? summary.recoveryCodesLeft : 0,
  };
}
