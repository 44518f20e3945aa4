import type { CommandContext } from '../commands/command-context.js';

/** Every campaign's allowed web origins: a browser's preflight comes before anyone is known. */
export async function listAllowedOrigins(ctx: CommandContext): Promise<string[]> {
  return ctx.repos.integrations.allOrigins();
}
