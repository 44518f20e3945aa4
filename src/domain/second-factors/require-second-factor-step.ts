import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { secondFactorStepOf, type SecondFactorStep } from './second-factor-step.js';

const refusals: Record<SecondFactorStep, string> = {
  done: 'This session has already passed its second step.',
  verify: 'Confirm it is you with your second factor first.',
  enrol: 'Set up a second factor first.',
};

/**
 * The requester's account, if its session stands at one of the `allowed` steps. Enrolment is
 * refused to a session that must first verify an existing factor: a phished password must not be
 * enough to add the attacker's own authenticator.
 */
export async function requireSecondFactorStep(ctx: CommandContext, sessionId: string, allowed: SecondFactorStep[]): Promise<{ account: AccountRow; step: SecondFactorStep }> {
  const account = ctx.requester.accountId ? await ctx.repos.accounts.findById(ctx.requester.accountId) : undefined;
  if (!account || account.disabledAt) throw new AppError('unauthenticated', 'Sign in first.');
  const step = await secondFactorStepOf(ctx, account.id, sessionId);
  if (!allowed.includes(step)) throw new AppError(step === 'done' ? 'conflict' : 'forbidden', refusals[step]);
  return { account, step };
}
