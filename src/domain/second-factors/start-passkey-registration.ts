import { generateRegistrationOptions, type AuthenticatorTransportFuture, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { CommandContext } from '../commands/command-context.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import type { WebAuthnSettings } from './webauthn-settings.js';

export const CHALLENGE_MINUTES = 5;

/** The options for navigator.credentials.create(); the challenge is kept with the session, to be answered once. */
export async function startPasskeyRegistration(ctx: CommandContext, input: { sessionId: string; webAuthn: WebAuthnSettings }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['enrol', 'done']);
  const existing = await ctx.repos.secondFactors.listPasskeys(account.id);
  const options = await generateRegistrationOptions({
    rpName: input.webAuthn.rpName,
    rpID: input.webAuthn.rpId,
    userName: account.email,
    userDisplayName: account.name,
    userID: new TextEncoder().encode(account.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await ctx.repos.secondFactors.setChallenge(input.sessionId, options.challenge, new Date(ctx.now.getTime() + CHALLENGE_MINUTES * 60_000));
  return options;
}
