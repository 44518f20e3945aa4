import type { IncidentStatus, StatusChange } from '../../db/repositories/conduct-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { findIncident } from './find-incident.js';
import type { IncidentView } from './incident-view.js';

export type ChangeIncidentStatusInput = { slug: string; incidentId: string; status: IncidentStatus; chargeNumber: string | null; note: string };

/** Moves an incident along (shared with counsel, charge filed, …), keeping every step in its history. */
export async function changeIncidentStatus(ctx: CommandContext, input: ChangeIncidentStatusInput): Promise<{ incident: IncidentView; history: StatusChange[] }> {
  const campaign = await openCampaign(ctx, input.slug, 'conduct.edit');
  if (input.status === 'charge_filed' && !input.chargeNumber) {
    throw new AppError('validation_failed', 'A filed charge needs its number.', [{ field: 'body.chargeNumber', reason: 'is required when the status is charge_filed' }]);
  }
  const existing = await findIncident(ctx, campaign, input.incidentId);
  // A settled or decided charge keeps its number: the case is still known by it.
  const chargeNumber = input.chargeNumber ?? (input.status === 'documented' || input.status === 'shared_with_counsel' ? null : existing.chargeNumber);
  const { conduct } = ctx.repos;
  await conduct.changeStatus(campaign.id, existing.id, { status: input.status, chargeNumber, note: input.note, changedByAccountId: ctx.requester.accountId, now: ctx.now });
  await ctx.audit('conduct.status_changed', { campaignId: campaign.id, subject: { type: 'incident', id: existing.id }, details: { status: input.status, chargeNumber } });
  return { incident: await findIncident(ctx, campaign, existing.id), history: await conduct.listStatusChanges(existing.id) };
}
