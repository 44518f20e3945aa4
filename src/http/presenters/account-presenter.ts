import Bowser from 'bowser';
import type { Account, MyAccount, MySession } from '../../contracts/accounts.js';
import type { MySession as MySessionView } from '../../domain/accounts/list-my-sessions.js';
import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { MyAccount as MyAccountView } from '../../domain/accounts/view-my-account.js';

// What an account looks like from outside: never the hash, the lock state or the failure count.
export function presentAccount(account: AccountRow): Account {
  return { id: account.id, email: account.email, name: account.name, instanceAdmin: account.instanceAdmin, hasPassword: account.passwordHash !== null, disabled: account.disabledAt !== null };
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

/** A session as its owner sees it: the browser and system in words, never the session's key. */
export function presentMySession(session: MySessionView): MySession {
  return { handle: session.handle, device: describeDevice(session.userAgent), createdAt: session.createdAt.toISOString(), lastSeenAt: session.lastSeenAt.toISOString(), current: session.current };
}

function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'An unknown browser';
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  const os = parser.getOSName();
  if (!browser && !os) return userAgent.slice(0, 80);
  return [browser || 'A browser', os ? `on ${os}` : ''].filter(Boolean).join(' ');
}
