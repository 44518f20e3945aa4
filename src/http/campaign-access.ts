import type { FastifyRequest } from 'fastify';
import type { CampaignRow } from '../db/repositories/campaigns-repository.js';
import type { Services } from '../domain/create-services.js';
import { canPerform, type Action, type Actor } from '../domain/policies/campaign-policy.js';
import { AppError } from '../errors.js';
import { requireAccount } from './plugins/authentication.js';

export type CampaignAccess = { campaign: CampaignRow; actor: Actor; accountId: string; accountEmail: string };

// Loads the campaign and the caller's role in it, then applies the policy. Someone who is not on
// the campaign gets 404, not 403: they learn nothing, not even that it exists.
export async function requireCampaignAccess(services: Services, request: FastifyRequest, slug: string, action: Action): Promise<CampaignAccess> {
  const { account } = requireAccount(request);
  const campaign = await services.repositories.campaigns.findBySlug(slug);
  const membership = campaign ? await services.repositories.campaigns.findMembership(account.id, campaign.id) : undefined;
  if (!campaign || !membership) throw new AppError('not_found', 'No such campaign.');
  if (!canPerform(membership, action)) throw new AppError('forbidden', 'Your role in this campaign does not allow that.');
  return { campaign, actor: membership, accountId: account.id, accountEmail: account.email };
}
