import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { cardStateOf } from './card-state.js';

/**
 * An organizer decides which roster person a card that matched no one, or several, belongs to.
 * This names the person; it does not verify the card (verifyCard does, saying how).
 */
export async function resolveCardMatch(ctx: CommandContext, input: { slug: string; cardId: string; personId: string }): Promise<{ cardId: string; personId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'cards.enter');
  const { cards } = ctx.repos;
  const card = await cards.findCard(campaign.id, input.cardId);
  if (!card) throw new AppError('not_found', 'No such card.');
  const state = cardStateOf(card);
  if (state === 'verified') throw new AppError('conflict', 'This card is verified: its match no longer changes.');
  if (state === 'dismissed') throw new AppError('conflict', 'This card was dismissed as not from a roster person.');
  const person = await cards.findPerson(campaign.id, input.personId);
  if (!person) throw new AppError('validation_failed', 'That person is not on this campaign’s roster.', [{ field: 'personId', reason: 'not found in this campaign' }]);
  await cards.setMatch(card.id, { personId: person.id, status: 'resolved', method: 'manual' });
  await ctx.audit('card.match_resolved', { subject: { type: 'card', id: card.id }, details: { personId: person.id, previousPersonId: card.personId, previousStatus: card.matchStatus } });
  return { cardId: card.id, personId: person.id };
}
