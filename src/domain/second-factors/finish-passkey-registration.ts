import { verifyRegistrationResponse, type AuthenticatorTransportFuture, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { issueRecoveryCodesIfNone } from './issue-recovery-codes-if-none.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import type { WebAuthnSettings } from './webauthn-settings.js';

export type FinishPasskeyRegistrationInput = { sessionId: string; webAuthn: WebAuthnSettings; name: string; response: RegistrationResponseJSON };

/** Checks the new credential against the session's challenge and keeps its public key; the session has then passed its second step. */
export async function finishPasskeyRegistration(ctx: CommandContext, input: FinishPasskeyRegistrationInput): Promise<{ passkeyId: string; recoveryCodes: string[] | null }> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['enrol', 'done']);
  const challenge = await ctx.repos.secondFactors.takeChallenge(input.sessionId, ctx.now);
  if (!challenge) throw new AppError('conflict', 'The passkey request expired. Try again.');
  const refused = new AppError('validation_failed', 'The passkey could not be checked. Try again.', [{ field: 'response', reason: 'was not accepted' }]);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: input.webAuthn.origin,
      expectedRPID: input.webAuthn.rpId,
      requireUserVerification: false,
    });
  } catch {
    throw refused;
  }
  if (!verification.verified) throw refused;
  const { credential } = verification.registrationInfo;
  const passkey = await ctx.repos.secondFactors.insertPasskey({
    accountId: account.id,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey),
    counter: credential.counter,
    transports: (credential.transports ?? []) satisfies AuthenticatorTransportFuture[],
    name: input.name,
    createdAt: ctx.now,
  });
  await ctx.repos.secondFactors.markSessionVerified(input.sessionId, ctx.now);
  await ctx.audit('second_factor.passkey_added', { campaignId: null, subject: { type: 'account', id: account.id }, details: { passkeyId: passkey.id, name: passkey.name } });
  return { passkeyId: passkey.id, recoveryCodes: await issueRecoveryCodesIfNone(ctx, account.id) };
}
