import type { CommandContext } from '../commands/command-context.js';
import { withStanding, type CardWithStanding } from './card-standing.js';

export type ReviewCandidate = {
  id: string;
  givenName: string;
  familyName: string;
  employeeId: string | null;
  worksiteName: string | null;
  /** Why this person is suggested: a matching method that found them, or a similar name. */
  reason: 'email' | 'employee_id' | 'name_school' | 'similar_name';
  /** Trigram similarity of the names (0–1), for similar names. */
  similarity: number | null;
};

const SUGGESTIONS = 5;

/**
 * Cards that match no one on the roster, or several people, each with the people it is likely
 * from: those an exact method found (email, employee id, name at the school, compared accent-,
 * case- and spacing-blind), then similar names (pg_trgm), people at the card's school first. An
 * organizer resolves, verifies or dismisses each.
 */
export async function listCardsForReview(ctx: CommandContext, input: { slug: string }): Promise<(CardWithStanding & { candidates: ReviewCandidate[] })[]> {
  const { campaign } = await ctx.authorize(input.slug, 'cards.enter');
  const { cards } = ctx.repos;
  const rows = await cards.listCards(campaign.id, { scope: 'all', matchStatus: 'review', limit: 500, offset: 0 });
  await ctx.audit('cards.list_viewed', { details: { view: 'review', count: rows.length } });
  const today = ctx.today(campaign);
  const items = [];
  for (const row of rows) {
    const found = await cards.findMatchCandidates(row.campaignId, { email: row.email, employeeId: row.employeeId, name: row.signerName, worksiteId: row.worksiteId });
    const reasons = new Map<string, { reason: ReviewCandidate['reason']; similarity: number | null }>();
    for (const method of ['email', 'employee_id', 'name_school'] as const) {
      for (const id of found[method]) if (!reasons.has(id)) reasons.set(id, { reason: method, similarity: null });
    }
    for (const s of await cards.suggestPeople(row.campaignId, { name: row.signerName, worksiteId: row.worksiteId, limit: SUGGESTIONS })) {
      if (!reasons.has(s.id)) reasons.set(s.id, { reason: 'similar_name', similarity: Math.round(s.similarity * 100) / 100 });
    }
    const people = new Map((await cards.listPeople(row.campaignId, [...reasons.keys()])).map((p) => [p.id, p]));
    const candidates = [...reasons].flatMap(([id, why]) => {
      const p = people.get(id);
      return p ? [{ ...p, ...why }] : [];
    });
    items.push({ ...withStanding(row, today, campaign.cardValidityMonths), candidates });
  }
  return items;
}
