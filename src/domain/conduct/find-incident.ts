import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { withDeadline, type IncidentView } from './incident-view.js';

/** One incident of the campaign with its deadline as of the campaign's today, or 404. */
export async function findIncident(ctx: CommandContext, campaign: CampaignRow, incidentId: string): Promise<IncidentView> {
  const record = await ctx.repos.conduct.findIncident(campaign.id, incidentId);
  if (!record) throw new AppError('not_found', 'No such incident.');
  return withDeadline(record, ctx.today(campaign));
}
