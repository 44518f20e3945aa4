import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPerform } from '../policies/campaign-policy.js';
import { cardStateOf } from './card-state.js';
import { cleanField } from './signer-names.js';
import { verifyFromContactOnFile } from './verify-from-contact.js';

export type RecordCardAnswerInput = { slug: string; cardId: string; answer: 'signed' | 'not_signed'; note: string };

/**
 * The signer answered the confirmation by replying to it: an organizer or committee member (at
 * the card's school) records the answer, with a note (when, from which address). Like the link,
 * a "yes" from the personal email on file verifies the card.
 */
export async function recordCardAnswer(ctx: CommandContext, input: RecordCardAnswerInput) {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'cards.verify');
  const { cards } = ctx.repos;
  const card = await cards.findCard(campaign.id, input.cardId);
  if (!card || !canPerform(actor, 'cards.verify', card.worksiteId)) throw new AppError('not_found', 'No such card.');
  if (!card.email) throw new AppError('validation_failed', 'This card has no email: there was no confirmation to reply to. Verify it instead.', [{ field: 'cardId', reason: 'has no email' }]);
  const note = cleanField(input.note);
  const created = await cards.insertConfirmation({ cardId: card.id, campaignId: campaign.id, answer: input.answer, method: 'reply', recordedBy: accountId, note, answeredAt: ctx.now });
  if (!created) throw new AppError('conflict', 'The signer’s answer is already recorded.');
  await ctx.audit('card.confirmation_recorded', { subject: { type: 'card', id: card.id }, details: { answer: input.answer, method: 'reply' } });
  const answered = { ...card, confirmation: { answer: input.answer, method: 'reply' as const, answeredAt: ctx.now, note } };
  const verified = input.answer === 'signed' && (await verifyFromContactOnFile(ctx, campaign.id, answered));
  const state = verified ? 'verified' : cardStateOf(answered);
  return { cardId: card.id, state };
}
