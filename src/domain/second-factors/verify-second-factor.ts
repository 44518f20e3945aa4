import { isBlocked } from '../accounts/login-backoff.js';
import type { CommandContext } from '../commands/command-context.js';
import { hashRecoveryCode } from './recovery-codes.js';
import { recordSecondFactorFailure } from './record-second-factor-failure.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import { matchTotpStep } from './totp-codes.js';

export const SECOND_FACTOR_REFUSED = 'That code does not work, or there were too many attempts. Wait a minute and try again.';

export type VerifySecondFactorResult = { ok: true; method: 'totp' | 'recovery_code'; recoveryCodesLeft: number } | { ok: false; message: string };

/**
 * The second step with a code: six digits from the authenticator app (each step's code accepted
 * once), or a recovery code (each used once). A refusal is a result, so the failure counter and
 * its audit row commit; the route then answers 401.
 */
export async function verifySecondFactor(ctx: CommandContext, input: { sessionId: string; code: string }): Promise<VerifySecondFactorResult> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['verify']);
  const factors = ctx.repos.secondFactors;
  const refused = { ok: false as const, message: SECOND_FACTOR_REFUSED };
  const isTotpCode = /^\d{6}$/.test(input.code.replace(/\s+/g, ''));
  const method = isTotpCode ? 'totp' : 'recovery_code';
  if (isBlocked({ blockedUntil: (await factors.findFailures(account.id)).lockedUntil }, ctx.now)) {
    await ctx.audit('second_factor.failed', { campaignId: null, subject: { type: 'account', id: account.id }, details: { method, reason: 'locked' } });
    return refused;
  }
  if (isTotpCode) {
    const totp = await factors.findTotp(account.id);
    const step = totp?.confirmedAt ? matchTotpStep(totp.secret, input.code, ctx.now) : null;
    if (step === null) {
      await recordSecondFactorFailure(ctx, account.id, method, 'wrong_code');
      return refused;
    }
    if (!(await factors.useTotpStep(account.id, step, null))) {
      await recordSecondFactorFailure(ctx, account.id, method, 'replayed_code');
      return refused;
    }
  } else if (!(await factors.consumeRecoveryCode(account.id, hashRecoveryCode(input.code), ctx.now))) {
    await recordSecondFactorFailure(ctx, account.id, method, 'wrong_code');
    return refused;
  }
  await factors.clearFailures(account.id);
  await factors.markSessionVerified(input.sessionId, ctx.now);
  const { recoveryCodesLeft } = await factors.summaryOf(account.id);
  await ctx.audit(method === 'totp' ? 'second_factor.verified' : 'second_factor.recovery_code_used', {
    campaignId: null,
    subject: { type: 'account', id: account.id },
    details: { method, recoveryCodesLeft },
  });
  return { ok: true, method, recoveryCodesLeft };
}
