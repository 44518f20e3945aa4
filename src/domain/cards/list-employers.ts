import type { EmployerRow } from '../../db/repositories/cards-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The campaign's employers with the email domains marked as theirs. */
export async function listEmployers(ctx: CommandContext, input: { slug: string }): Promise<EmployerRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  return ctx.repos.cards.listEmployers(campaign.id);
}
