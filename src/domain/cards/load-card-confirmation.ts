import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { hashConfirmationToken, isConfirmationToken } from './confirmation-token.js';

export type CardConfirmationView = {
  signerName: string;
  worksiteName: string;
  employerName: string;
  signedOn: string;
  cardText: string;
  answer: 'signed' | 'not_signed' | null;
};

/**
 * What the confirmation page shows to whoever holds the link: the card it was sent about (the
 * message itself carried all of it). Null for a link that names no card. Writes nothing.
 */
export async function loadCardConfirmation(ctx: CommandContext, input: { campaign: CampaignRow; token: string }): Promise<CardConfirmationView | null> {
  if (!isConfirmationToken(input.token)) return null;
  const card = await ctx.repos.cards.findCardByTokenHash(input.campaign.id, hashConfirmationToken(input.token));
  if (!card) return null;
  return { signerName: card.signerName, worksiteName: card.worksiteName, employerName: card.employerName, signedOn: card.signedOn, cardText: card.cardText, answer: card.confirmation?.answer ?? null };
}
