import type { StatusChange } from '../../db/repositories/conduct-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { findIncident } from './find-incident.js';
import type { IncidentView } from './incident-view.js';

/** One incident and its status history; the view is audited. */
export async function viewIncident(ctx: CommandContext, input: { slug: string; incidentId: string }): Promise<{ incident: IncidentView; history: StatusChange[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.view');
  const incident = await findIncident(ctx, campaign, input.incidentId);
  await ctx.audit('conduct.incident_viewed', { campaignId: campaign.id, subject: { type: 'incident', id: incident.id } });
  return { incident, history: await ctx.repos.conduct.listStatusChanges(incident.id) };
}
