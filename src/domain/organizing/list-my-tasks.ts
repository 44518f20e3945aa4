import type { TaskRow } from '../../db/repositories/organizing-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { grantFor } from '../policies/campaign-policy.js';

export type MyTask = { task: TaskRow; campaign: { slug: string; name: string }; personName: string | null };

/**
 * "My tasks": what is assigned to the requester in every campaign where they still organize, open
 * first and soonest due first. Task titles name people, so each campaign whose tasks are shown
 * gets an audit row (and an empty list one row of its own).
 */
export async function listMyTasks(ctx: CommandContext, input: { includeDone: boolean }): Promise<MyTask[]> {
  const { accountId } = ctx.requester;
  if (!accountId) throw new AppError('unauthenticated', 'Sign in first.');
  const rows = await ctx.repos.organizing.tasksAssignedTo(accountId, input.includeDone);
  // A role that no longer organizes here (say, demoted to viewer) keeps no view of its old tasks.
  const shown = rows.filter((r) => grantFor(r.role, 'conversations.edit') !== 'none');
  const perCampaign = new Map<string, number>();
  for (const r of shown) perCampaign.set(r.campaignId, (perCampaign.get(r.campaignId) ?? 0) + 1);
  if (perCampaign.size === 0) await ctx.audit('tasks.list_viewed', { campaignId: null, details: { view: 'mine', includeDone: input.includeDone, count: 0 } });
  for (const [campaignId, count] of perCampaign) await ctx.audit('tasks.list_viewed', { campaignId, details: { view: 'mine', includeDone: input.includeDone, count } });
  return shown.map((r) => ({
    task: r.task,
    campaign: { slug: r.campaignSlug, name: r.campaignName },
    personName: r.personGivenName ? `${r.personGivenName} ${r.personFamilyName ?? ''}`.trim() : null,
  }));
}
