import type { FastifyRequest } from 'fastify';
import type { Services } from '../domain/create-services.js';
import type { CampaignAccess } from './campaign-access.js';

// Writes who looked at or exported what. Called by every route that shows individual-level data
// (assessments, cards, roster lists) and by every export, before the data leaves.
export async function auditRequest(
  services: Services,
  request: FastifyRequest,
  access: CampaignAccess,
  action: string,
  subject?: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  await services.repositories.audit.append({
    actorAccountId: access.accountId,
    actorEmail: access.accountEmail,
    campaignId: access.campaign.id,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    ip: request.ip,
    details: details ?? {},
  });
}
