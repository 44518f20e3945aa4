import type { PressItemRow } from '../../db/repositories/press-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The press page: public coverage and releases, newest first. */
export async function listPublicPress(ctx: CommandContext, input: { campaignId: string }): Promise<PressItemRow[]> {
  return ctx.repos.press.listPublic(input.campaignId);
}
