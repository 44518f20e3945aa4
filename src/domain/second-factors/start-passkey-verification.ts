import { generateAuthenticationOptions, type AuthenticatorTransportFuture, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import { CHALLENGE_MINUTES } from './start-passkey-registration.js';
import type { WebAuthnSettings } from './webauthn-settings.js';

/** The options for navigator.credentials.get(), limited to the account's own passkeys. */
export async function startPasskeyVerification(ctx: CommandContext, input: { sessionId: string; webAuthn: WebAuthnSettings }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['verify']);
  const passkeys = await ctx.repos.secondFactors.listPasskeys(account.id);
  if (passkeys.length === 0) throw new AppError('conflict', 'This account has no passkey. Use your authenticator app or a recovery code.');
  const options = await generateAuthenticationOptions({
    rpID: input.webAuthn.rpId,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
    userVerification: 'preferred',
  });
  await ctx.repos.secondFactors.setChallenge(input.sessionId, options.challenge, new Date(ctx.now.getTime() + CHALLENGE_MINUTES * 60_000));
  return options;
}
