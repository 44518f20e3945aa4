import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * The campaign a public address names: `/c/:slug/…` by its slug, the bare paths (`/`, `/card`) the
 * instance's default campaign. Undefined when there is none.
 */
export async function findPublicCampaign(ctx: CommandContext, input: { slug: string | null }): Promise<CampaignRow | undefined> {
  return input.slug === null ? ctx.repos.campaigns.findDefault() : ctx.repos.campaigns.findBySlug(input.slug);
}
