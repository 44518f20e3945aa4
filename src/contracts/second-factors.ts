import { z } from 'zod';
import { id, instant, role } from './shared.js';

// The second step of sign-in and the account's second factors (decision 0026): an authenticator
// app (TOTP), passkeys (WebAuthn) and one-time recovery codes; the instance admin's requirement
// per role and reset.

const base64url = z.string().max(16_384).regex(/^[A-Za-z0-9_-]*$/, 'is not base64url');
const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(10);
const code = z.string().trim().min(6, 'is too short').max(40, 'is too long');

/** Where this session stands: `done` (passed or not needed), `verify` (confirm with a factor) or `enrol` (set one up first). */
export const secondFactorStep = z.enum(['done', 'verify', 'enrol']);
export type SecondFactorStep = z.infer<typeof secondFactorStep>;

export const passkeySummary = z.object({ id: z.uuid(), name: z.string(), createdAt: instant, lastUsedAt: instant.nullable() });
export const mySecondFactors = z.object({
  step: secondFactorStep,
  required: z.boolean(),
  totp: z.boolean(),
  /** Whether the account has a passkey (known before the second step: the page offers it). */
  hasPasskey: z.boolean(),
  /** Listed once the second step is done. */
  passkeys: z.array(passkeySummary),
  recoveryCodesLeft: z.number().int(),
});
export type MySecondFactors = z.infer<typeof mySecondFactors>;

/** Shown once, when issued: only their hashes are kept. */
const recoveryCodes = z.array(z.string());

/** What navigator.credentials.create() answered, as @simplewebauthn/browser encodes it. */
export const registrationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

/** What navigator.credentials.get() answered. */
export const authenticationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }),
  response: z.object({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url, userHandle: base64url.optional() }),
});

/** The options handed to @simplewebauthn/browser as they are (challenge, relying party, credentials). */
const webAuthnOptions = z.looseObject({ challenge: z.string() });

const verified = z.object({ method: z.enum(['totp', 'recovery_code', 'passkey']), recoveryCodesLeft: z.number().int() });

export const accountSecondFactors = z.object({
  accountId: z.uuid(),
  email: z.string(),
  name: z.string(),
  totp: z.boolean(),
  passkeys: z.number().int(),
  recoveryCodesLeft: z.number().int(),
});
export type AccountSecondFactors = z.infer<typeof accountSecondFactors>;

export const secondFactorRequirement = z.object({ role, required: z.boolean() });
export type SecondFactorRequirement = z.infer<typeof secondFactorRequirement>;

export const secondFactorsContract = {
  viewSecondFactors: { response: mySecondFactors },
  startTotpEnrolment: { response: z.object({ secret: z.string(), uri: z.string(), qrCode: z.string().meta({ description: 'The otpauth URI as a QR code, an SVG data URL' }) }) },
  confirmTotpEnrolment: { body: z.object({ code }), response: z.object({ recoveryCodes: recoveryCodes.nullable() }) },
  verifySecondFactor: { body: z.object({ code }), response: verified },
  startPasskeyRegistration: { response: webAuthnOptions },
  finishPasskeyRegistration: {
    body: z.object({ name: z.string().trim().min(1, 'is required').max(100).default('Passkey'), response: registrationResponse }),
    response: z.object({ passkeyId: z.uuid(), recoveryCodes: recoveryCodes.nullable() }),
  },
  startPasskeyVerification: { response: webAuthnOptions },
  finishPasskeyVerification: { body: z.object({ response: authenticationResponse }), response: verified },
  removeTotp: { response: z.object({ removed: z.literal(true) }) },
  removePasskey: { params: z.object({ passkeyId: id('passkey') }), response: z.object({ removed: z.literal(true) }) },
  regenerateRecoveryCodes: { response: z.object({ recoveryCodes }) },
  viewSecondFactorRequirements: { response: z.object({ requirements: z.array(secondFactorRequirement) }) },
  setSecondFactorRequirements: {
    body: z.object({ requirements: z.array(secondFactorRequirement).min(1, 'names at least one role').max(4) }),
    response: z.object({ requirements: z.array(secondFactorRequirement) }),
  },
  listAccountSecondFactors: { response: z.object({ accounts: z.array(accountSecondFactors) }) },
  resetSecondFactor: { params: z.object({ accountId: id('account') }), response: z.object({ sessionsEnded: z.number().int() }) },
} as const;
