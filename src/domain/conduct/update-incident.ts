import type { CommandContext } from '../commands/command-context.js';
import { findIncident } from './find-incident.js';
import type { IncidentView } from './incident-view.js';
import { prepareIncidentWrite, type IncidentInput } from './prepare-incident-write.js';

/** Replaces an incident's details and every list (schools, actors, quotes, …); the reporter stays unless another is named. */
export async function updateIncident(ctx: CommandContext, input: IncidentInput & { slug: string; incidentId: string }): Promise<IncidentView> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.edit');
  const existing = await findIncident(ctx, campaign, input.incidentId);
  const reportedBy = input.reportedBy ?? (existing.reportedBy ? { type: existing.reportedBy.type, id: existing.reportedBy.id } : null);
  const write = await prepareIncidentWrite(ctx, campaign, { ...input, reportedBy });
  await ctx.repos.conduct.updateIncident(campaign.id, existing.id, write, ctx.now);
  await ctx.audit('conduct.incident_updated', { campaignId: campaign.id, subject: { type: 'incident', id: existing.id } });
  return findIncident(ctx, campaign, existing.id);
}
