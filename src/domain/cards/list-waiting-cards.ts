import type { CommandContext } from '../commands/command-context.js';
import { visibleWorksites } from '../policies/campaign-policy.js';
import { withStanding, type CardWithStanding } from './card-standing.js';

const LIMIT = 500;

/**
 * The cards that do not count yet because no one verified them, in two lists: submitted (the
 * signer has not answered the confirmation) and confirmed (the signer said "yes, I signed this
 * card"; a person must now verify it), each card with what it still needs, plus the disputed
 * ones (the signer said they did not sign). Committee members see their schools; audited.
 */
export async function listWaitingCards(ctx: CommandContext, input: { slug: string }): Promise<{ asOf: string; submitted: CardWithStanding[]; confirmed: CardWithStanding[]; disputed: CardWithStanding[] }> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'cards.view');
  const scope = visibleWorksites(actor, 'cards.view');
  const { cards } = ctx.repos;
  const [submitted, confirmed, disputed] = await Promise.all(
    (['submitted', 'confirmed', 'disputed'] as const).map((state) => cards.listCards(campaign.id, { scope, state, limit: LIMIT, offset: 0 })),
  );
  await ctx.audit('cards.list_viewed', { details: { view: 'waiting', submitted: submitted?.length ?? 0, confirmed: confirmed?.length ?? 0, disputed: disputed?.length ?? 0 } });
  const today = ctx.today(campaign);
  const standing = (rows: typeof submitted) => (rows ?? []).map((r) => withStanding(r, today, campaign.cardValidityMonths));
  return { asOf: today, submitted: standing(submitted), confirmed: standing(confirmed), disputed: standing(disputed) };
}
