import { AppError } from '../../errors.js';
import type { VerificationMethod } from '../../vocabulary/cards.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPerform } from '../policies/campaign-policy.js';
import { cardStateOf } from './card-state.js';
import { cleanField } from './signer-names.js';

export type VerifyCardInput = {
  slug: string;
  cardId: string;
  /** The roster person the card is from; defaults to the card's match when it names one person. */
  personId?: string;
  /** How the verifier knows: in person, by phone, a personal email they know is theirs (or, for a paper card, the paper). */
  method: Exclude<VerificationMethod, 'personal_contact_on_file'>;
  note: string;
};

/**
 * An organizer, or a committee member at the card's school, vouches that the card is this roster
 * person's and says how (decision 0023). From then on it counts (while valid and unrevoked), and
 * its match no longer moves. A card the signer disputed, or dismissed as not a roster person,
 * cannot be verified.
 */
export async function verifyCard(ctx: CommandContext, input: VerifyCardInput): Promise<{ cardId: string; personId: string; method: VerificationMethod }> {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'cards.verify');
  const { cards } = ctx.repos;
  const card = await cards.findCard(campaign.id, input.cardId);
  if (!card || !canPerform(actor, 'cards.verify', card.worksiteId)) throw new AppError('not_found', 'No such card.');
  const state = cardStateOf(card);
  if (state === 'verified') throw new AppError('conflict', 'This card is already verified.');
  if (state === 'disputed') throw new AppError('conflict', 'The signer answered that they did not sign this card: it cannot be verified. Revoke it instead.');
  if (state === 'dismissed') throw new AppError('conflict', 'This card was dismissed as not from a roster person.');
  if (input.method === 'paper_entry' && card.source !== 'paper') throw new AppError('validation_failed', 'Only a paper card is verified from the paper.', [{ field: 'method', reason: 'is for paper cards' }]);
  const matched = card.matchStatus === 'matched' || card.matchStatus === 'resolved' ? card.personId : null;
  const personId = input.personId ?? matched;
  if (!personId) throw new AppError('validation_failed', 'Say which roster person this card is from.', [{ field: 'personId', reason: 'is required: the card matches no one, or several people' }]);
  const person = await cards.findPerson(campaign.id, personId);
  if (!person) throw new AppError('validation_failed', 'That person is not on this campaign’s roster.', [{ field: 'personId', reason: 'not found in this campaign' }]);
  const theirSites = await cards.personWorksiteIds(campaign.id, personId);
  if (!theirSites.some((w) => canPerform(actor, 'cards.verify', w))) throw new AppError('forbidden', 'That person does not work at your schools.');
  if (personId !== card.personId) await cards.setMatch(card.id, { personId, status: 'resolved', method: 'manual' });
  const note = cleanField(input.note);
  const created = await cards.insertVerification({ cardId: card.id, campaignId: campaign.id, personId, method: input.method, verifiedBy: accountId, note, verifiedAt: ctx.now });
  if (!created) throw new AppError('conflict', 'This card is already verified.');
  await ctx.audit('card.verified', { subject: { type: 'card', id: card.id }, details: { method: input.method, personId, previousPersonId: card.personId, automatic: false } });
  return { cardId: card.id, personId, method: input.method };
}
