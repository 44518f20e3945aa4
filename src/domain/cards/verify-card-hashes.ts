import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { cardContentOf } from './card-content.js';
import { hashCard } from './card-hash.js';

export type CardMismatch = { cardId: string; signedOn: string; worksiteName: string; source: 'electronic' | 'paper'; storedHash: string; computedHash: string };
export type CardHashReport = { campaign: string; checked: number; mismatches: CardMismatch[] };

/**
 * Recomputes the hash of every card of the campaign and lists those whose stored content no
 * longer matches it (changed after signing, by someone with the database's own rights). The check
 * is recorded in the audit log. `unionhall verify-cards` runs it as the system.
 */
export async function verifyCardHashes(ctx: CommandContext, input: { slug: string }): Promise<CardHashReport> {
  const campaign = await openCampaign(ctx, input.slug, 'filing.generate');
  const rows = await ctx.repos.cards.listAllForVerification(campaign.id);
  const mismatches: CardMismatch[] = [];
  for (const row of rows) {
    const computed = hashCard(cardContentOf(row));
    if (computed !== row.contentHash) mismatches.push({ cardId: row.id, signedOn: row.signedOn, worksiteName: row.worksiteName, source: row.source, storedHash: row.contentHash, computedHash: computed });
  }
  await ctx.audit('cards.verified', { campaignId: campaign.id, details: { checked: rows.length, mismatches: mismatches.length } });
  return { campaign: campaign.slug, checked: rows.length, mismatches };
}
