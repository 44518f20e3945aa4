import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { Repositories } from '../../db/repositories/create-repositories.js';
import { AppError } from '../../errors.js';
import { isSystemRequester, type Requester } from '../commands/requester.js';

/**
 * Instance administration (accounts, the whole audit log, the outbox) is for instance admins and
 * for the system itself (the CLI, start-up), which gets `null` back: there is no account behind
 * it. The account is read again on the command's transaction, so a right taken away a moment ago
 * does not let a write through.
 */
export async function authorizeInstanceAdmin(repos: Pick<Repositories, 'accounts'>, requester: Requester): Promise<AccountRow | null> {
  if (isSystemRequester(requester)) return null;
  if (!requester.accountId) throw new AppError('unauthenticated', 'Sign in first.');
  const account = await repos.accounts.findById(requester.accountId);
  if (!account || account.disabledAt || !account.instanceAdmin) throw new AppError('forbidden', 'Only instance administrators may do that.');
  return account;
}
