import type { AgentRow } from '../../db/repositories/conduct-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The people listed as acting for the employer, by name. */
export async function listAgents(ctx: CommandContext, input: { slug: string }): Promise<AgentRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.view');
  return ctx.repos.conduct.listAgents(campaign.id);
}
