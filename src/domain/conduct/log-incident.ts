import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { findIncident } from './find-incident.js';
import type { IncidentView } from './incident-view.js';
import { prepareIncidentWrite, type IncidentInput } from './prepare-incident-write.js';

/**
 * Logs an incident of employer conduct, with any employer agents first named here, and its first
 * status ("documented"). Whoever logs it is the reporter unless someone else is named.
 */
export async function logIncident(ctx: CommandContext, input: IncidentInput & { slug: string }): Promise<IncidentView> {
  const campaign = await openCampaign(ctx, input.slug, 'conduct.edit');
  const accountId = ctx.requester.accountId;
  const write = await prepareIncidentWrite(ctx, campaign, { ...input, reportedBy: input.reportedBy ?? (accountId ? { type: 'account', id: accountId } : null) });
  const id = await ctx.repos.conduct.createIncident({ ...write, campaignId: campaign.id, recordedByAccountId: accountId, now: ctx.now });
  const incident = await findIncident(ctx, campaign, id);
  await ctx.audit('conduct.incident_created', { campaignId: campaign.id, subject: { type: 'incident', id }, details: { kind: incident.kind, occurredOn: incident.occurredOn } });
  return incident;
}
