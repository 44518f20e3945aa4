import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import { createTotpSecret, totpUri } from './totp-codes.js';

/** Starts adding an authenticator app: a new secret, kept unconfirmed until a first code from the app is checked. */
export async function startTotpEnrolment(ctx: CommandContext, input: { sessionId: string }): Promise<{ secret: string; uri: string }> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['enrol', 'done']);
  const existing = await ctx.repos.secondFactors.findTotp(account.id);
  if (existing?.confirmedAt) throw new AppError('conflict', 'An authenticator app is already set up. Remove it first to set up another.');
  const secret = createTotpSecret();
  await ctx.repos.secondFactors.saveUnconfirmedTotp(account.id, secret, ctx.now);
  return { secret, uri: totpUri(secret, account.email) };
}
