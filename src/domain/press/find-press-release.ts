import type { PressItemRow } from '../../db/repositories/press-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** A public release by its address under /press. */
export async function findPressRelease(ctx: CommandContext, input: { campaignId: string; releaseSlug: string }): Promise<PressItemRow | undefined> {
  return ctx.repos.press.findPublicRelease(input.campaignId, input.releaseSlug);
}
