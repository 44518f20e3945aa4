import type { AccountRow } from '../../db/repositories/accounts-repository.js';

// What an account looks like from outside: never the hash, the lock state or the failure count.
export function presentAccount(account: AccountRow) {
  return { id: account.id, email: account.email, name: account.name, instanceAdmin: account.instanceAdmin, hasPassword: account.passwordHash !== null };
}
