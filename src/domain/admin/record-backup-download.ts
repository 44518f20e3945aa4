import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * A backup downloaded from the app holds every campaign (sealed to the admin's passphrase, but a
 * copy that leaves the server): who took it, when, how big and its SHA-256 are recorded before
 * the file leaves, and the file is named by the instant.
 */
export async function recordBackupDownload(ctx: CommandContext, input: { bytes: number; sha256: string }): Promise<{ fileName: string }> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  await ctx.audit('backup.downloaded', { campaignId: null, details: { bytes: input.bytes, sha256: input.sha256, encryptedTo: 'passphrase' } });
  const stamp = ctx.now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `unionhall-backup-${stamp}Z.age` };
}
