import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPerform } from '../policies/campaign-policy.js';

/** The scanned paper of a card, for download; audited before it leaves. */
export async function viewCardScan(ctx: CommandContext, input: { slug: string; cardId: string }): Promise<{ cardId: string; contentType: string; sha256: string; bytes: Buffer }> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'cards.view');
  const card = await ctx.repos.cards.findCard(campaign.id, input.cardId);
  if (!card || !canPerform(actor, 'cards.view', card.worksiteId)) throw new AppError('not_found', 'No such card.');
  const scan = await ctx.repos.cards.findScan(campaign.id, card.id);
  if (!scan) throw new AppError('not_found', 'This card has no scan.');
  await ctx.audit('cards.scan_viewed', { subject: { type: 'card', id: card.id } });
  return { cardId: card.id, contentType: scan.contentType, sha256: scan.sha256, bytes: scan.bytes };
}
