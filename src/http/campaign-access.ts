import type { FastifyRequest } from 'fastify';
import type { Services } from '../domain/create-services.js';
import type { Action } from '../domain/policies/campaign-policy.js';
import type { CampaignAccess } from '../domain/policies/authorize-campaign.js';
import { requesterOf } from './operation.js';

export type { CampaignAccess };

/**
 * Transitional, for routes not yet on commands: the same policy check a command makes with
 * `ctx.authorize` (src/domain/policies/authorize-campaign.ts), run on its own. A command does it
 * inside its transaction instead; delete this file when the last route has moved.
 */
export async function requireCampaignAccess(services: Services, request: FastifyRequest, slug: string, action: Action): Promise<CampaignAccess> {
  return services.read((ctx, input: { slug: string; action: Action }) => ctx.authorize(input.slug, input.action), requesterOf(request), { slug, action });
}
