import type { CardListRow } from '../../db/repositories/cards-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { cardStateOf } from './card-state.js';

/**
 * The automatic verification (decision 0023): a card whose signer answered "yes, I signed this
 * card" from an email that is the personal email on file for exactly one roster person is that
 * person's card. Only the holder of that inbox could have answered. Anything less certain (a new
 * address, a work address, an address on file for two people, a card naming someone else) waits
 * for an organizer or committee member. Returns whether the card was verified.
 */
export async function verifyFromContactOnFile(ctx: CommandContext, campaignId: string, card: CardListRow): Promise<boolean> {
  const { cards } = ctx.repos;
  if (!card.email || cardStateOf(card) !== 'confirmed') return false;
  const owners = await cards.findPeopleByPersonalEmail(campaignId, card.email);
  const personId = owners.length === 1 ? owners[0] : undefined;
  if (!personId) return false;
  if (card.personId !== null && card.personId !== personId) return false;
  if (card.personId === null) await cards.setMatch(card.id, { personId, status: 'matched', method: 'email' });
  const created = await cards.insertVerification({ cardId: card.id, campaignId, personId, method: 'personal_contact_on_file', verifiedBy: null, verifiedAt: ctx.now });
  if (!created) return false;
  await ctx.audit('card.verified', { campaignId, subject: { type: 'card', id: card.id }, details: { method: 'personal_contact_on_file', personId, automatic: true } });
  return true;
}
