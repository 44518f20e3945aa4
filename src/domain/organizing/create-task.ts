import type { TaskRow } from '../../db/repositories/organizing-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson } from '../people/person-access.js';
import { checkAssignee } from './check-assignee.js';

export type CreateTaskInput = { slug: string; personId: string | null; title: string; dueDate: string | null; assigneeAccountId: string | null };

/** A task, about someone or not; unassigned tasks go to the requester. */
export async function createTask(ctx: CommandContext, input: CreateTaskInput): Promise<TaskRow> {
  const access = await ctx.authorize(input.slug, 'conversations.edit');
  const about = input.personId ? await authorizePerson(ctx, access, input.personId, 'conversations.edit') : null;
  await checkAssignee(ctx, access.campaign.id, input.assigneeAccountId, about);
  return ctx.repos.organizing.addTask({
    campaignId: access.campaign.id,
    personId: input.personId,
    title: input.title,
    dueDate: input.dueDate,
    assigneeAccountId: input.assigneeAccountId ?? access.accountId,
    createdByAccountId: access.accountId,
  });
}
