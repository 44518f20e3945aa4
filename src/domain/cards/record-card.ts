import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CardRow, NewScan } from '../../db/repositories/cards-repository.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { cardContentOf } from './card-content.js';
import { hashCard, type CardContent } from './card-hash.js';
import { confirmationMessage } from './confirmation-message.js';
import { createConfirmationToken } from './confirmation-token.js';
import { decideMatch } from './match-card.js';

/** The address of a card's confirmation link: the secret travels only in the message. */
export function confirmationUrl(publicUrl: string, campaign: { slug: string }, token: string): string {
  return `${publicUrl.replace(/\/$/u, '')}/c/${encodeURIComponent(campaign.slug)}/card/confirm/${token}`;
}

/**
 * Stores a signed card, matched to the roster, and records its confirmation transmission (the
 * message restating what was signed, with the link the signer answers) in the same transaction:
 * a committed card always has its confirmation recorded, sent or due to send (GC Memo 15-08's
 * confirmation element). The match is a suggestion: the card counts only once verified.
 */
export async function recordCard(
  ctx: CommandContext,
  campaign: CampaignRow,
  content: CardContent,
  extra: { enteredBy: string | null; scan?: NewScan; lang: Language; publicUrl: string; personId?: string },
): Promise<CardRow> {
  const { cards } = ctx.repos;
  const found = await cards.findMatchCandidates(content.campaignId, {
    email: content.email,
    employeeId: content.employeeId,
    name: content.signerName,
    worksiteId: content.worksiteId,
  });
  const decision = extra.personId ? ({ status: 'resolved', personId: extra.personId, method: 'manual' } as const) : decideMatch(found);
  const token = content.email ? createConfirmationToken() : null;
  const row = await cards.insertCard(
    {
      ...content,
      contentHash: hashCard(content),
      confirmationTokenHash: token?.hash ?? null,
      enteredBy: extra.enteredBy,
      personId: decision.status === 'matched' || decision.status === 'resolved' ? decision.personId : null,
      matchStatus: decision.status,
      matchMethod: decision.status === 'matched' || decision.status === 'resolved' ? decision.method : null,
    },
    extra.scan,
  );
  if (!row.email || !token) return row;
  const message = confirmationMessage({ campaignName: campaign.name, canReply: campaign.mailReplyTo !== null }, { ...cardContentOf(row), contentHash: row.contentHash }, extra.lang, confirmationUrl(extra.publicUrl, campaign, token.token));
  const mail = await ctx.recordMail({ kind: 'card_confirmation', campaignId: campaign.id, to: row.email, subject: message.subject, text: message.text, lang: extra.lang, fromName: campaign.mailSenderName ?? campaign.name, replyTo: campaign.mailReplyTo });
  await cards.setConfirmationMail(row.id, mail.id);
  return { ...row, confirmationMailId: mail.id };
}
