import type { FastifyRequest } from 'fastify';
import type { Caller } from '../domain/organizing/organizing-service.js';
import type { CampaignAccess } from './campaign-access.js';
import { requireAccount } from './plugins/authentication.js';

/** The acting account inside a campaign, as the domain services want it. */
export function toCaller(request: FastifyRequest, access: CampaignAccess): Caller {
  const { account } = requireAccount(request);
  return { campaignId: access.campaign.id, actor: access.actor, accountId: access.accountId, accountName: account.name };
}
