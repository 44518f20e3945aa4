import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { groupEndorsements, type EndorsementGroup } from '../public-site/endorsement-groups.js';

/** The public wall: public endorsements, grouped by level in wall order. */
export async function listPublicEndorsements(ctx: CommandContext, input: { campaignId: string }): Promise<{ group: EndorsementGroup; items: EndorsementWithDocument[] }[]> {
  return groupEndorsements(await ctx.repos.endorsements.listPublic(input.campaignId));
}
