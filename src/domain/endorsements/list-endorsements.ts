import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** Every endorsement of the campaign, private ones too. */
export async function listEndorsements(ctx: CommandContext, input: { slug: string }): Promise<EndorsementWithDocument[]> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  return ctx.repos.endorsements.listAll(campaign.id);
}
