import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CardRow, NewScan } from '../../db/repositories/cards-repository.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { cardContentOf } from './card-content.js';
import { hashCard, type CardContent } from './card-hash.js';
import { confirmationMessage } from './confirmation-message.js';
import { decideMatch } from './match-card.js';
import { normalizeName } from './signer-names.js';

/**
 * Stores a signed card, matched to the roster, and records its confirmation transmission (the
 * message restating what was signed) in the same transaction: a committed card always has its
 * confirmation recorded, sent or due to send (GC Memo 15-08's confirmation element).
 */
export async function recordCard(ctx: CommandContext, campaign: CampaignRow, content: CardContent, extra: { enteredBy: string | null; scan?: NewScan; lang: Language }): Promise<CardRow> {
  const { cards } = ctx.repos;
  const found = await cards.findMatchCandidates(content.campaignId, {
    email: content.email,
    employeeId: content.employeeId,
    name: normalizeName(content.signerName),
    worksiteId: content.worksiteId,
  });
  const decision = decideMatch(found);
  const row = await cards.insertCard(
    {
      ...content,
      contentHash: hashCard(content),
      enteredBy: extra.enteredBy,
      personId: decision.status === 'matched' ? decision.personId : null,
      matchStatus: decision.status,
      matchMethod: decision.status === 'matched' ? decision.method : null,
    },
    extra.scan,
  );
  if (!row.email) return row;
  const message = confirmationMessage({ campaignName: campaign.name }, { ...cardContentOf(row), contentHash: row.contentHash }, extra.lang);
  const mail = await ctx.recordMail({ kind: 'card_confirmation', campaignId: campaign.id, to: row.email, subject: message.subject, text: message.text });
  await cards.setConfirmationMail(row.id, mail.id);
  return { ...row, confirmationMailId: mail.id };
}
