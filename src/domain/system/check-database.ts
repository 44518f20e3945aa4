import type { CommandContext } from '../commands/command-context.js';

/** Resolves when the database answers within the time limit; rejects otherwise. */
export async function checkDatabase(ctx: CommandContext, input: { timeoutMs: number }): Promise<void> {
  await ctx.repos.health.ping(input.timeoutMs);
}
