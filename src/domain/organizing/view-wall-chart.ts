import type { CommandContext } from '../commands/command-context.js';
import { maySeePersonalDetail, visibleWorksites } from '../policies/campaign-policy.js';
import { resolveAsOf } from './resolve-as-of.js';

export type WallChartCell = { personId: string; name: string; jobTitle: string; level: number | null; assessmentHidden: boolean; cardStatus: 'none' | 'signed' | 'revoked' | 'expired' };
/**
 * A column's heading figures, the same for every role that sees the column: its educators, their
 * valid cards, and its supporters (rated 1–2) only when every rating in it is shown to the
 * reader (a committee member sees only their list's ratings, so a partial count would mislead).
 */
export type WallChartTotals = { people: number; signedCards: number; supporters: number | null };
export type WallChart = { asOf: string; columns: { worksiteId: string; worksiteName: string; totals: WallChartTotals; cells: WallChartCell[] }[] };

/**
 * The wall chart as of a day: a column per worksite, a cell per educator with their latest rating
 * and their card's standing. Committee members see their worksites, and ratings and card status
 * only for their own list (maySeePersonalDetail). It shows ratings and card status, so both
 * views are audited.
 */
export async function viewWallChart(ctx: CommandContext, input: { slug: string; asOf?: string }): Promise<WallChart> {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'assessments.view');
  const asOf = resolveAsOf(ctx, campaign, input.asOf);
  const scope = visibleWorksites(actor, 'people.view');
  const { organizing } = ctx.repos;
  // One after another: a command's queries share its transaction's one connection.
  const sites = await organizing.worksitesOf(campaign.id, scope);
  const cells = await organizing.wallChart(campaign.id, scope, asOf, campaign.cardValidityMonths);
  const columns = sites.map((site): WallChart['columns'][number] => {
    const here = cells.filter((c) => c.worksite_id === site.id);
    // The heading counts the column's cards whoever reads it (a count, not whose card).
    const signedCards = here.filter((c) => c.card_status === 'signed').length;
    return withTotals(signedCards, {
      worksiteId: site.id,
      worksiteName: site.name,
      cells: here.map((c): WallChartCell => {
        // One rule for both: a committee member sees ratings and card status only on their list.
        const place = { worksiteIds: [site.id], listAccountId: c.list_account_id };
        const shown = maySeePersonalDetail(actor, accountId, place, 'assessments.view');
        const cardShown = maySeePersonalDetail(actor, accountId, place, 'cards.view');
        return {
          personId: c.person_id,
          name: `${c.given_name} ${c.family_name}`,
          jobTitle: c.job_title,
          level: shown ? c.level : null,
          assessmentHidden: !shown,
          cardStatus: cardShown ? (c.card_status ?? 'none') : 'none',
        };
      }),
    });
  });
  const count = columns.reduce((n, c) => n + c.cells.length, 0);
  await ctx.audit('assessments.list_viewed', { details: { view: 'wall_chart', asOf: asOf.day, count } });
  await ctx.audit('cards.list_viewed', { details: { view: 'wall_chart', asOf: asOf.day, count } });
  return { asOf: asOf.day, columns };
}

function withTotals(signedCards: number, column: { worksiteId: string; worksiteName: string; cells: WallChartCell[] }): WallChart['columns'][number] {
  const anyHidden = column.cells.some((c) => c.assessmentHidden);
  return {
    ...column,
    totals: {
      people: column.cells.length,
      signedCards,
      supporters: anyHidden ? null : column.cells.filter((c) => c.level === 1 || c.level === 2).length,
    },
  };
}
