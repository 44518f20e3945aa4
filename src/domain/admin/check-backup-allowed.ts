import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** Whether the requester may take a backup (an instance admin), asked before the dump starts: a dump is costly. */
export async function checkBackupAllowed(ctx: CommandContext, _input: Record<string, never>): Promise<void> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
}
