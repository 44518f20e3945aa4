import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { hashConfirmationToken, isConfirmationToken } from './confirmation-token.js';
import { verifyFromContactOnFile } from './verify-from-contact.js';

export type ConfirmCardInput = { campaign: CampaignRow; token: string; answer: 'signed' | 'not_signed' };

/** `answer` is what is on record now: the one just given, or the first one if the card had one. */
export type ConfirmCardResult = { ok: true; answer: 'signed' | 'not_signed' } | { ok: false };

/**
 * The signer answers the confirmation transmission from the link in it (a POST: mail scanners
 * open links, and a GET changes nothing). The first answer stands. "Yes" may verify the card at
 * once when the address is the personal email on file for its person; "no" means it never counts.
 */
export async function confirmCard(ctx: CommandContext, input: ConfirmCardInput): Promise<ConfirmCardResult> {
  if (!isConfirmationToken(input.token)) return { ok: false };
  const { cards } = ctx.repos;
  const card = await cards.findCardByTokenHash(input.campaign.id, hashConfirmationToken(input.token));
  if (!card) return { ok: false };
  if (card.confirmation) return { ok: true, answer: card.confirmation.answer };
  await cards.insertConfirmation({ cardId: card.id, campaignId: card.campaignId, answer: input.answer, method: 'link', recordedBy: null, ip: ctx.requester.ip, answeredAt: ctx.now });
  await ctx.audit('card.confirmed', { campaignId: card.campaignId, subject: { type: 'card', id: card.id }, details: { answer: input.answer, method: 'link' } });
  if (input.answer === 'signed') {
    await verifyFromContactOnFile(ctx, card.campaignId, { ...card, confirmation: { answer: 'signed', method: 'link', answeredAt: ctx.now, note: '' } });
  }
  return { ok: true, answer: input.answer };
}
