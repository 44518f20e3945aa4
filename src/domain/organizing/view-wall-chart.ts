import type { CommandContext } from '../commands/command-context.js';
import { canPerform, limitedToOwnList, visibleWorksites } from '../policies/campaign-policy.js';
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
 * and their card's standing. Committee members see their worksites, and ratings only for their
 * own list. It shows ratings and card status, so both views are audited.
 */
export async function viewWallChart(ctx: CommandContext, input: { slug: string; asOf?: string }): Promise<WallChart> {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'assessments.view');
  const asOf = resolveAsOf(ctx, campaign, input.asOf);
  const scope = visibleWorksites(actor, 'people.view');
  const ownListOnly = limitedToOwnList(actor, 'assessments.view');
  const { organizing } = ctx.repos;
  // One after another: a command's queries share its transaction's one connection.
  const sites = await organizing.worksitesOf(campaign.id, scope);
  const cells = await organizing.wallChart(campaign.id, scope, asOf, campaign.cardValidityMonths);
  const columns = sites.map((site): WallChart['columns'][number] => withTotals({
    worksiteId: site.id,
    worksiteName: site.name,
    cells: cells
      .filter((c) => c.worksite_id === site.id)
      .map((c): WallChartCell => {
        const shown = !ownListOnly || c.list_account_id === accountId;
        return {
          personId: c.person_id,
          name: `${c.given_name} ${c.family_name}`,
          jobTitle: c.job_title,
          level: shown ? c.level : null,
          assessmentHidden: !shown,
          // Card status follows cards.view, which committee members have at their worksites.
          cardStatus: canPerform(actor, 'cards.view', site.id) ? (c.card_status ?? 'none') : 'none',
        };
      }),
  }));
  const count = columns.reduce((n, c) => n + c.cells.length, 0);
  await ctx.audit('assessments.list_viewed', { details: { view: 'wall_chart', asOf: asOf.day, count } });
  await ctx.audit('cards.list_viewed', { details: { view: 'wall_chart', asOf: asOf.day, count } });
  return { asOf: asOf.day, columns };
}

function withTotals(column: { worksiteId: string; worksiteName: string; cells: WallChartCell[] }): WallChart['columns'][number] {
  const anyHidden = column.cells.some((c) => c.assessmentHidden);
  return {
    ...column,
    totals: {
      people: column.cells.length,
      signedCards: column.cells.filter((c) => c.cardStatus === 'signed').length,
      supporters: anyHidden ? null : column.cells.filter((c) => c.level === 1 || c.level === 2).length,
    },
  };
}
