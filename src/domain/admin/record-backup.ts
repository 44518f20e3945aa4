import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * A backup holds every campaign (encrypted, but a copy that leaves the machine): who made one, when,
 * how big and to what key is evidence, recorded like any export.
 */
export async function recordBackup(ctx: CommandContext, input: { file: string; bytes: number; encryptedTo: 'passphrase' | 'recipient' }): Promise<void> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  await ctx.audit('backup.created', { campaignId: null, details: { file: input.file, bytes: input.bytes, encryptedTo: input.encryptedTo } });
}
