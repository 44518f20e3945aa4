import type { PressItemRow } from '../../db/repositories/press-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** Every press item of the campaign, private ones too, newest first. */
export async function listPressItems(ctx: CommandContext, input: { slug: string }): Promise<PressItemRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  return ctx.repos.press.listAll(campaign.id);
}
