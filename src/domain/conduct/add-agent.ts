import type { AgentRole, AgentRow } from '../../db/repositories/conduct-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { findOrCreateAgent } from './find-or-create-agent.js';

export type AddAgentInput = { slug: string; name: string; role: AgentRole; title: string; worksiteId: string | null };

/** Lists someone acting for the employer; a name already listed gives back that agent (`created: false`). */
export async function addAgent(ctx: CommandContext, input: AddAgentInput): Promise<{ agent: AgentRow; created: boolean }> {
  const campaign = await openCampaign(ctx, input.slug, 'conduct.edit');
  if (input.worksiteId) {
    const known = await ctx.repos.conduct.findKnownIds(campaign.id, { worksiteIds: [input.worksiteId], agentIds: [], personIds: [], attachmentIds: [] });
    if (!known.worksiteIds.has(input.worksiteId)) throw new AppError('validation_failed', 'That worksite is not in this campaign.', [{ field: 'body.worksiteId', reason: 'not in this campaign' }]);
  }
  return findOrCreateAgent(ctx, campaign.id, input);
}
