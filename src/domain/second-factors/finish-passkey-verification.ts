import { verifyAuthenticationResponse, type AuthenticationResponseJSON, type AuthenticatorTransportFuture } from '@simplewebauthn/server';
import { isBlocked } from '../accounts/login-backoff.js';
import type { CommandContext } from '../commands/command-context.js';
import { recordSecondFactorFailure } from './record-second-factor-failure.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import { SECOND_FACTOR_REFUSED, type VerifySecondFactorResult } from './verify-second-factor.js';
import type { WebAuthnSettings } from './webauthn-settings.js';

/** The second step with a passkey: its signature over the session's challenge, checked with the stored public key. */
export async function finishPasskeyVerification(
  ctx: CommandContext,
  input: { sessionId: string; webAuthn: WebAuthnSettings; response: AuthenticationResponseJSON },
): Promise<VerifySecondFactorResult | { ok: true; method: 'passkey'; recoveryCodesLeft: number }> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['verify']);
  const factors = ctx.repos.secondFactors;
  const refused = { ok: false as const, message: SECOND_FACTOR_REFUSED };
  if (isBlocked({ blockedUntil: (await factors.findFailures(account.id)).lockedUntil }, ctx.now)) {
    await ctx.audit('second_factor.failed', { campaignId: null, subject: { type: 'account', id: account.id }, details: { method: 'passkey', reason: 'locked' } });
    return refused;
  }
  const challenge = await factors.takeChallenge(input.sessionId, ctx.now);
  const passkey = await factors.findPasskey(account.id, input.response.id);
  if (!challenge || !passkey) {
    await recordSecondFactorFailure(ctx, account.id, 'passkey', challenge ? 'unknown_passkey' : 'no_challenge');
    return refused;
  }
  let verified = false;
  let newCounter = passkey.counter;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: input.webAuthn.origin,
      expectedRPID: input.webAuthn.rpId,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as AuthenticatorTransportFuture[] },
      requireUserVerification: false,
    });
    verified = result.verified;
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    verified = false;
  }
  if (!verified) {
    await recordSecondFactorFailure(ctx, account.id, 'passkey', 'bad_signature');
    return refused;
  }
  await factors.recordPasskeyUse(passkey.id, newCounter, ctx.now);
  await factors.clearFailures(account.id);
  await factors.markSessionVerified(input.sessionId, ctx.now);
  const { recoveryCodesLeft } = await factors.summaryOf(account.id);
  await ctx.audit('second_factor.verified', { campaignId: null, subject: { type: 'account', id: account.id }, details: { method: 'passkey', passkeyId: passkey.id } });
  return { ok: true, method: 'passkey', recoveryCodesLeft };
}
