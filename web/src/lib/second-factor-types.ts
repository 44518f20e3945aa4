// The second factor's shapes as the API answers them (src/contracts/second-factors.ts), kept by hand
// on this side like api-types.ts.
import type { Role } from '#vocabulary/roles.js';

export type SecondFactorStep = 'done' | 'verify' | 'enrol';

export type MySecondFactors = {
  step: SecondFactorStep;
  required: boolean;
  totp: boolean;
  hasPasskey: boolean;
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  recoveryCodesLeft: number;
};

export type TotpEnrolment = { secret: string; uri: string; qrCode: string };
export type IssuedRecoveryCodes = { recoveryCodes: string[] | null };

export type SecondFactorRequirement = { role: Role; required: boolean };
export type AccountSecondFactors = { accountId: string; email: string; name: string; totp: boolean; passkeys: number; recoveryCodesLeft: number };

export const SECOND_FACTOR_PATH = '/api/auth/second-factor';
