import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { cleanField } from './signer-names.js';

/**
 * Records that a signer withdrew their card, from a day on (today by default). The card itself is
 * never changed: revocation is its own row, and the card stops counting from that day.
 */
export async function revokeCard(ctx: CommandContext, input: { slug: string; cardId: string; effectiveOn?: string; reason: string }): Promise<{ cardId: string; revokedOn: string }> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'cards.enter');
  const card = await ctx.repos.cards.findCard(campaign.id, input.cardId);
  if (!card) throw new AppError('not_found', 'No such card.');
  const effectiveOn = input.effectiveOn ?? ctx.today(campaign);
  if (effectiveOn < card.signedOn) throw new AppError('validation_failed', 'A card cannot be revoked before it was signed.', [{ field: 'effectiveOn', reason: 'is before the card was signed' }]);
  const reason = cleanField(input.reason);
  if (reason === '') throw new AppError('validation_failed', 'Say why.', [{ field: 'reason', reason: 'is required' }]);
  const created = await ctx.repos.cards.revoke({ cardId: card.id, campaignId: campaign.id, effectiveOn, reason, recordedBy: accountId });
  if (!created) throw new AppError('conflict', 'This card is already revoked.');
  await ctx.audit('card.revoked', { subject: { type: 'card', id: card.id }, details: { effectiveOn } });
  return { cardId: card.id, revokedOn: effectiveOn };
}
