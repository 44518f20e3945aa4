import type { ConversationRow, TaskRow } from '../../db/repositories/organizing-repository.js';
import { AppError } from '../../errors.js';
import type { ConversationChannel } from '../../vocabulary/organizing.js';
import { instantOf, type Day } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson } from '../people/person-access.js';
import { checkAssignee } from './check-assignee.js';
import { findRequesterName } from './find-requester-name.js';

export type LogConversationInput = {
  slug: string;
  personId: string;
  /** When it happened; now by default. */
  occurredAt: Date | null;
  /** The day it happened, when the time is not known (instead of `occurredAt`). */
  occurredOn: Day | null;
  channel: ConversationChannel;
  issues: string[];
  notes: string;
  nextStep: string;
  /** Follow-up tasks; unassigned ones go to the requester. */
  followUps: { title: string; dueDate: string | null; assigneeAccountId: string | null }[];
};

/** Records a conversation with someone, the issues they raised, and the follow-ups it calls for. */
export async function logConversation(ctx: CommandContext, input: LogConversationInput): Promise<{ conversation: ConversationRow; tasks: TaskRow[] }> {
  const access = await ctx.authorize(input.slug, 'conversations.edit');
  const about = await authorizePerson(ctx, access, input.personId, 'conversations.edit');
  const campaignId = access.campaign.id;
  if (input.occurredAt && input.occurredOn) throw new AppError('validation_failed', 'Give a date and time, or a date only, not both.', [{ field: 'occurredOn', reason: 'give occurredAt or occurredOn, not both' }]);
  for (const followUp of input.followUps) await checkAssignee(ctx, campaignId, followUp.assigneeAccountId, about);
  return ctx.repos.organizing.addConversation(
    {
      campaignId,
      personId: input.personId,
      organizerAccountId: access.accountId,
      organizerName: await findRequesterName(ctx, access),
      // A day without a time sorts at noon of that day on the campaign's calendar: the same day
      // in UTC for any campaign zone within ±11 hours, so day-only readers see the right date.
      occurredAt: input.occurredOn ? instantOf(input.occurredOn, '12:00', access.campaign.timeZone) : (input.occurredAt ?? ctx.now),
      occurredOn: input.occurredOn,
      channel: input.channel,
      issues: [...new Set(input.issues)],
      notes: input.notes,
      nextStep: input.nextStep,
    },
    input.followUps.map((f) => ({ campaignId, personId: input.personId, title: f.title, dueDate: f.dueDate, assigneeAccountId: f.assigneeAccountId ?? access.accountId, createdByAccountId: access.accountId })),
  );
}
