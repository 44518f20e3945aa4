import type { FastifyRequest } from 'fastify';
import type { AuditOptions } from '../domain/commands/command-context.js';
import type { Services } from '../domain/create-services.js';
import type { CampaignAccess } from '../domain/policies/authorize-campaign.js';
import { requesterOf } from './operation.js';

/**
 * Transitional, for routes not yet on commands: writes who looked at or exported what, before the
 * data leaves, through the same `ctx.audit` a command uses. A command writes its row in its own
 * transaction instead; delete this file when the last route has moved.
 */
export async function auditRequest(
  services: Services,
  request: FastifyRequest,
  access: CampaignAccess,
  action: string,
  subject?: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  const options: AuditOptions = { campaignId: access.campaign.id, subject, details: details ?? {} };
  await services.execute((ctx, input: { action: string; options: AuditOptions }) => ctx.audit(input.action, input.options), requesterOf(request), { action, options });
}
