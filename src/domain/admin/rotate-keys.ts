import { randomBytes } from 'node:crypto';
import { unwrapDataKey, wrapDataKey } from '../../crypto/keyring.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * Rotation (decision 0025), in one transaction: a fresh data key for everything written from now
 * on, and every data key, old and new, wrapped under the new master key. No encrypted field is
 * rewritten: the old master key stops opening anything in this database at the commit (a copy
 * made before the rotation still opens with it, which no rotation can change).
 */
export async function rotateKeys(ctx: CommandContext, input: { oldMasterKey: Buffer; newMasterKey: Buffer }): Promise<{ dataKeys: number; newDataKeyId: string }> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const existing = await ctx.repos.dataKeys.list();
  await ctx.repos.dataKeys.retireCurrent(ctx.now);
  for (const row of existing) await ctx.repos.dataKeys.rewrap(row.id, wrapDataKey(input.newMasterKey, unwrapDataKey(input.oldMasterKey, row.wrappedKey)));
  const newDataKeyId = await ctx.repos.dataKeys.insert(wrapDataKey(input.newMasterKey, randomBytes(32)));
  await ctx.audit('keys.rotated', { campaignId: null, details: { dataKeys: existing.length + 1, newDataKeyId } });
  return { dataKeys: existing.length + 1, newDataKeyId };
}
