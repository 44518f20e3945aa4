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
  // One after the other: a transaction's connection runs one statement at a time.
  const submitted = await cards.listCards(campaign.id, { scope, state: 'submitted', limit: LIMIT, offset: 0 });
  const confirmed = await cards.listCards(campaign.id, { scope, state: 'confirmed', limit: LIMIT, offset: 0 });
  const disputed = await cards.listCards(campaign.id, { scope, state: 'disputed', limit: LIMIT, offset: 0 });
  await ctx.audit('cards.list_viewed', { details: { view: 'waiting', submitted: submitted.length, confirmed: confirmed.length, disputed: disputed.length } });
  const today = ctx.today(campaign);
  const standing = (rows: typeof submitted) => rows.map((r) => withStanding(r, today, campaign.cardValidityMonths));
  return { asOf: today, submitted: standing(submitted), confirmed: standing(confirmed), disputed: standing(disputed) };
}
