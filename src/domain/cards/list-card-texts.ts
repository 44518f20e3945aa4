import type { CardTextRow } from '../../db/repositories/cards-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** Every version of the campaign's card text, newest first as stored. */
export async function listCardTexts(ctx: CommandContext, input: { slug: string }): Promise<CardTextRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'dashboard.view');
  return ctx.repos.cards.listCardTexts(campaign.id);
}
