import type { TaskRow } from '../../db/repositories/organizing-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson, loadPersonScope } from '../people/person-access.js';
import { checkAssignee } from './check-assignee.js';

export type UpdateTaskInput = { slug: string; taskId: string; title?: string; dueDate?: string | null; assigneeAccountId?: string | null; done?: boolean };

const noSuchTask = (): AppError => new AppError('not_found', 'No such task.');

/** Renames, reschedules, reassigns or ticks off a task: its assignee, its creator, or an organizer may. */
export async function updateTask(ctx: CommandContext, input: UpdateTaskInput): Promise<TaskRow> {
  const access = await ctx.authorize(input.slug, 'conversations.edit');
  const task = await ctx.repos.organizing.findTask(access.campaign.id, input.taskId);
  if (!task) throw noSuchTask();
  const mine = task.assigneeAccountId === access.accountId || task.createdByAccountId === access.accountId;
  if (!mine) {
    if (task.personId) await authorizePerson(ctx, access, task.personId, 'conversations.edit');
    if (access.actor.role !== 'admin' && access.actor.role !== 'organizer') throw new AppError('forbidden', 'Only the assignee, the creator or an organizer may change this task.');
  }
  if (input.assigneeAccountId !== undefined) {
    const about = task.personId ? await loadPersonScope(ctx, access.campaign, task.personId) : null;
    await checkAssignee(ctx, access.campaign.id, input.assigneeAccountId, about);
  }
  const patch = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
    ...(input.assigneeAccountId !== undefined ? { assigneeAccountId: input.assigneeAccountId } : {}),
    // Ticking a done task again keeps the day it was first done.
    ...(input.done !== undefined ? { doneAt: input.done ? (task.doneAt ?? ctx.now) : null } : {}),
  };
  if (Object.keys(patch).length === 0) return task;
  const updated = await ctx.repos.organizing.updateTask(task.id, patch);
  if (!updated) throw noSuchTask();
  return updated;
}
