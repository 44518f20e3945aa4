import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Before an account stops counting as an administrator (disabled, or its instance rights taken),
 * checks that the instance keeps an enabled instance admin and that every campaign it administers
 * keeps an enabled admin. The admins are locked first, so two such changes at once cannot both
 * pass and leave no one.
 */
export async function ensureAdminsRemain(ctx: CommandContext, account: AccountRow, change: { instance: boolean; campaigns: boolean }): Promise<void> {
  const { accounts, campaigns } = ctx.repos;
  if (change.instance && account.instanceAdmin && !account.disabledAt) {
    const admins = await accounts.lockInstanceAdmins();
    if (admins.every((id) => id === account.id)) {
      throw new AppError('conflict', 'This is the last server administrator. Make someone else a server administrator first.', [{ field: 'accountId', reason: 'the server needs at least one administrator' }]);
    }
  }
  if (!change.campaigns) return;
  for (const campaign of await campaigns.campaignsAdministeredBy(account.id)) {
    const admins = await campaigns.lockAdmins(campaign.id);
    if (admins.every((id) => id === account.id)) {
      throw new AppError('conflict', `This is the last admin of ${campaign.name}. Make someone else an admin there first.`, [{ field: 'accountId', reason: 'a campaign needs at least one admin' }]);
    }
  }
}
