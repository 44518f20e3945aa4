import type { AgentRole, AgentRow } from '../../db/repositories/conduct-repository.js';
import { cleanField, normalizeName } from '../cards/signer-names.js';
import type { CommandContext } from '../commands/command-context.js';

export type NewAgent = { name: string; role: AgentRole; title: string; worksiteId: string | null };

/**
 * The campaign's employer agent of that name, or a new one. Names compare ignoring case and runs
 * of spaces ("Dana  Whitcomb" is "dana whitcomb"), so adding someone twice never lists them twice;
 * the first entry keeps its role and title. Only a new agent is audited.
 */
export async function findOrCreateAgent(ctx: CommandContext, campaignId: string, input: NewAgent): Promise<{ agent: AgentRow; created: boolean }> {
  const { conduct } = ctx.repos;
  await conduct.lockAgentNames(campaignId);
  const key = normalizeName(input.name);
  const existing = (await conduct.listAgents(campaignId)).find((a) => normalizeName(a.name) === key);
  if (existing) return { agent: existing, created: false };
  const agent = await conduct.createAgent({ campaignId, name: cleanField(input.name), role: input.role, title: cleanField(input.title), worksiteId: input.worksiteId });
  await ctx.audit('conduct.agent_created', { campaignId, subject: { type: 'employer_agent', id: agent.id }, details: { name: agent.name, role: agent.role } });
  return { agent, created: true };
}
