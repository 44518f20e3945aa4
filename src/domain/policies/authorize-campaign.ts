import type { Repositories } from '../../db/repositories/create-repositories.js';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { Requester } from '../commands/requester.js';
import { canPerform, type Action, type Actor } from './campaign-policy.js';

export type CampaignAccess = { campaign: CampaignRow; actor: Actor; accountId: string; accountEmail: string };

/**
 * Loads the campaign and the requester's role in it, then applies the policy table. Someone who is
 * not on the campaign gets "not found", not "forbidden": they learn nothing, not even that it
 * exists. Inside a command this runs on the command's transaction, so a role removed a moment ago
 * cannot slip a write through.
 */
export async function authorizeCampaign(repos: Pick<Repositories, 'campaigns'>, requester: Requester, slug: string, action: Action): Promise<CampaignAccess> {
  if (!requester.accountId || !requester.email) throw new AppError('unauthenticated', 'Sign in first.');
  const campaign = await repos.campaigns.findBySlug(slug);
  const membership = campaign ? await repos.campaigns.findMembership(requester.accountId, campaign.id) : undefined;
  if (!campaign || !membership) throw new AppError('not_found', 'No such campaign.');
  if (!canPerform(membership, action)) throw new AppError('forbidden', 'Your role in this campaign does not allow that.');
  return { campaign, actor: membership, accountId: requester.accountId, accountEmail: requester.email };
}
