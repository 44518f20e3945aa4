import type { Account, MyAccount } from '../../contracts/accounts.js';
import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { MyAccount as MyAccountView } from '../../domain/accounts/view-my-account.js';

// What an account looks like from outside: never the hash, the lock state or the failure count.
export function presentAccount(account: AccountRow): Account {
  return { id: account.id, email: account.email, name: account.name, instanceAdmin: account.instanceAdmin, hasPassword: account.passwordHash !== null };
}

/** The signed-in account and its campaigns, with its role in each. */
export function presentMyAccount(view: MyAccountView): MyAccount {
  return {
    account: presentAccount(view.account),
    campaigns: view.campaigns.map(({ campaign, role }) => ({
      slug: campaign.slug,
      name: campaign.name,
      statement: campaign.statement,
      jurisdiction: campaign.jurisdiction,
      goalPercent: campaign.goalPercent,
      isDefault: campaign.isDefault,
      role,
    })),
  };
}
