import type { CardRow } from '../../db/repositories/cards-repository.js';
import type { CardState } from '../../vocabulary/cards.js';
import type { CommandContext } from '../commands/command-context.js';
import { visibleWorksites } from '../policies/campaign-policy.js';
import { withStanding, type CardWithStanding } from './card-standing.js';

export type ListCardsInput = { slug: string; worksiteId?: string; match?: CardRow['matchStatus'] | 'review'; state?: CardState; limit: number; offset: number };

/** The cards the requester may see (committee members: their schools only); the view is audited. */
export async function listCards(ctx: CommandContext, input: ListCardsInput): Promise<{ asOf: string; cards: CardWithStanding[] }> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'cards.view');
  const rows = await ctx.repos.cards.listCards(campaign.id, { scope: visibleWorksites(actor, 'cards.view'), worksiteId: input.worksiteId, matchStatus: input.match, state: input.state, limit: input.limit, offset: input.offset });
  await ctx.audit('cards.list_viewed', { details: { count: rows.length, worksite: input.worksiteId ?? null, match: input.match ?? null, state: input.state ?? null, offset: input.offset } });
  const today = ctx.today(campaign);
  return { asOf: today, cards: rows.map((r) => withStanding(r, today, campaign.cardValidityMonths)) };
}
