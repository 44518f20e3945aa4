import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { cardStateOf } from './card-state.js';
import { cleanField } from './signer-names.js';

/**
 * An organizer decides a card is from no one on the roster (a stranger, a test, a forgery). The
 * card stays on record, unmatched, and never counts; the decision and its reason are kept.
 */
export async function dismissCard(ctx: CommandContext, input: { slug: string; cardId: string; reason: string }): Promise<{ cardId: string; dismissedAt: Date }> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'cards.enter');
  const { cards } = ctx.repos;
  const card = await cards.findCard(campaign.id, input.cardId);
  if (!card) throw new AppError('not_found', 'No such card.');
  const state = cardStateOf(card);
  if (state === 'verified') throw new AppError('conflict', 'This card is verified as a roster person’s: revoke it instead.');
  if (state === 'dismissed') throw new AppError('conflict', 'This card is already dismissed.');
  const reason = cleanField(input.reason);
  if (reason === '') throw new AppError('validation_failed', 'Say why.', [{ field: 'reason', reason: 'is required' }]);
  await cards.setMatch(card.id, { personId: null, status: 'dismissed', method: null });
  const created = await cards.insertDismissal({ cardId: card.id, campaignId: campaign.id, reason, dismissedBy: accountId, dismissedAt: ctx.now });
  if (!created) throw new AppError('conflict', 'This card is already dismissed.');
  await ctx.audit('card.dismissed', { subject: { type: 'card', id: card.id }, details: { reason, previousPersonId: card.personId, previousStatus: card.matchStatus } });
  return { cardId: card.id, dismissedAt: ctx.now };
}
