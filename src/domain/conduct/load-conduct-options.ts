import type { AgentRow, Jurisdiction, ProvisionRow } from '../../db/repositories/conduct-repository.js';
import type { Day } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';

export type ConductOptions = { today: Day; jurisdiction: Jurisdiction; agents: AgentRow[]; provisions: ProvisionRow[]; worksites: { id: string; name: string }[] };

/** What the evidence forms and filters offer: the campaign's day, agents, provisions and schools. */
export async function loadConductOptions(ctx: CommandContext, input: { slug: string }): Promise<ConductOptions> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.view');
  const { conduct, campaigns } = ctx.repos;
  const agents = await conduct.listAgents(campaign.id);
  const provisions = await conduct.listProvisions(campaign.id, campaign.jurisdiction);
  const worksites = await campaigns.listWorksites(campaign.id);
  return { today: ctx.today(campaign), jurisdiction: campaign.jurisdiction, agents, provisions, worksites: worksites.map((w) => ({ id: w.id, name: w.name })) };
}
