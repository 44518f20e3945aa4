import type { MailRow } from '../../db/repositories/mail-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPerform } from '../policies/campaign-policy.js';
import { cardContentOf } from './card-content.js';
import { verifyCardHash } from './card-hash.js';
import { withStanding, type CardWithStanding } from './card-standing.js';

export type CardView = CardWithStanding & {
  hashVerified: boolean;
  scan: { filename: string; contentType: string; byteSize: number; sha256: string } | null;
  confirmation: MailRow | null;
};

/** One card, everything on it, whether its hash still holds, its scan and its confirmation; audited. */
export async function viewCard(ctx: CommandContext, input: { slug: string; cardId: string }): Promise<CardView> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'cards.view');
  const { cards, mail } = ctx.repos;
  const card = await cards.findCard(campaign.id, input.cardId);
  // A committee member learns nothing about another school's cards, not even that one exists.
  if (!card || !canPerform(actor, 'cards.view', card.worksiteId)) throw new AppError('not_found', 'No such card.');
  await ctx.audit('cards.viewed', { subject: { type: 'card', id: card.id } });
  const scan = await cards.findScanMeta(campaign.id, card.id);
  const confirmation = card.confirmationMailId ? ((await mail.find(card.confirmationMailId)) ?? null) : null;
  return {
    ...withStanding(card, ctx.today(campaign), campaign.cardValidityMonths),
    hashVerified: verifyCardHash({ ...cardContentOf(card), contentHash: card.contentHash }),
    scan: scan ? { filename: scan.filename, contentType: scan.contentType, byteSize: scan.byteSize, sha256: scan.sha256 } : null,
    confirmation,
  };
}
