import type { AccountSecondFactors, MySecondFactors } from '../../contracts/second-factors.js';
import type { AccountSecondFactors as AccountSecondFactorsRow } from '../../db/repositories/second-factors-repository.js';
import type { MySecondFactors as MySecondFactorsView } from '../../domain/second-factors/view-second-factors.js';

/** The account's own factors: names and dates, never a secret or a credential. */
export function presentMySecondFactors(view: MySecondFactorsView): MySecondFactors {
  return {
    step: view.step,
    required: view.required,
    totp: view.totp,
    hasPasskey: view.hasPasskey,
    passkeys: view.passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })),
    recoveryCodesLeft: view.recoveryCodesLeft,
  };
}

export function presentAccountSecondFactors(row: AccountSecondFactorsRow): AccountSecondFactors {
  return { accountId: row.accountId, email: row.email, name: row.name, totp: row.totp, passkeys: row.passkeys, recoveryCodesLeft: row.recoveryCodesLeft };
}
