import { AppError } from '../../errors.js';
import { addDays, startOfDay } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPerform, visibleWorksites } from '../policies/campaign-policy.js';
import { STALE_AFTER_DAYS, summarizeCoverage, type WorksiteCoverage } from './coverage.js';

/**
 * Per worksite the requester may see: who is on no one's list, and who has not been talked to in
 * the last 30 days (counted in the campaign's calendar days). It names people and their last
 * conversation: the view is audited.
 */
export async function viewCoverage(ctx: CommandContext, input: { slug: string; worksiteId?: string }): Promise<WorksiteCoverage[]> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'people.view');
  if (input.worksiteId && !canPerform(actor, 'people.view', input.worksiteId)) throw new AppError('not_found', 'No such worksite.');
  const scope = input.worksiteId ? [input.worksiteId] : visibleWorksites(actor, 'people.view');
  const today = ctx.today(campaign);
  const { organizing } = ctx.repos;
  // One after another: a command's queries share its transaction's one connection.
  const sites = await organizing.worksitesOf(campaign.id, scope);
  const persons = await organizing.coverage(campaign.id, scope, today);
  const coverage = summarizeCoverage(
    sites,
    persons.map((p) => ({
      personId: p.person_id,
      name: `${p.given_name} ${p.family_name}`,
      worksiteId: p.worksite_id,
      listAccountId: p.list_account_id,
      listAccountName: p.list_account_name,
      lastConversationAt: p.last_conversation_at ? new Date(p.last_conversation_at) : null,
    })),
    startOfDay(addDays(today, -STALE_AFTER_DAYS), campaign.timeZone),
  );
  await ctx.audit('coverage.viewed', { details: { worksite: input.worksiteId ?? null, worksites: coverage.length, people: persons.length } });
  return coverage;
}
