import type { CommandContext } from '../commands/command-context.js';
import { withStanding, type CardWithStanding } from './card-standing.js';
import { normalizeName } from './signer-names.js';

export type ReviewCandidate = { id: string; givenName: string; familyName: string; employeeId: string | null; worksiteName: string | null };

/** Cards that match no one on the roster, or several people, each with the people it might be. */
export async function listCardsForReview(ctx: CommandContext, input: { slug: string }): Promise<(CardWithStanding & { candidates: ReviewCandidate[] })[]> {
  const { campaign } = await ctx.authorize(input.slug, 'cards.enter');
  const { cards } = ctx.repos;
  const rows = await cards.listCards(campaign.id, { scope: 'all', matchStatus: 'review', limit: 500, offset: 0 });
  await ctx.audit('cards.list_viewed', { details: { view: 'review', count: rows.length } });
  const today = ctx.today(campaign);
  const items = [];
  for (const row of rows) {
    const found = await cards.findMatchCandidates(row.campaignId, { email: row.email, employeeId: row.employeeId, name: normalizeName(row.signerName), worksiteId: row.worksiteId });
    const ids = [...new Set([...found.email, ...found.employee_id, ...found.name_school])];
    items.push({ ...withStanding(row, today, campaign.cardValidityMonths), candidates: await cards.listPeople(row.campaignId, ids) });
  }
  return items;
}
