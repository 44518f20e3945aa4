import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';

export type RemoveSecondFactorInput = { sessionId: string } & ({ kind: 'totp' } | { kind: 'passkey'; passkeyId: string });

/**
 * Removes the authenticator app or one passkey, from a session that passed its second step. The
 * last factor of an account whose role requires one stays: it would be asked to enrol again at once.
 */
export async function removeSecondFactor(ctx: CommandContext, input: RemoveSecondFactorInput): Promise<{ removed: true }> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['done']);
  const factors = ctx.repos.secondFactors;
  const state = await factors.stateOf(account.id, input.sessionId);
  const summary = await factors.summaryOf(account.id);
  const remaining = (summary.totp ? 1 : 0) + summary.passkeys - 1;
  if (state.required && remaining < 1) throw new AppError('conflict', 'Your role requires a second factor: add another before removing this one.');
  const removed = input.kind === 'totp' ? await factors.deleteTotp(account.id) : await factors.deletePasskey(account.id, input.passkeyId);
  if (!removed) throw new AppError('not_found', 'No such second factor.');
  await ctx.audit(input.kind === 'totp' ? 'second_factor.totp_removed' : 'second_factor.passkey_removed', {
    campaignId: null,
    subject: { type: 'account', id: account.id },
    details: input.kind === 'passkey' ? { passkeyId: input.passkeyId } : {},
  });
  return { removed: true };
}
