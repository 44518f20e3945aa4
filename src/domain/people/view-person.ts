import type { AssessmentRow, ConversationRow, TaskRow } from '../../db/repositories/organizing-repository.js';
import type { PersonRow } from '../../db/repositories/person-records-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson, mayActOnPerson, personNotFound } from './person-access.js';

export type EmploymentView = { id: string; worksiteId: string; worksiteName: string; unitId: string | null; unitName: string | null; jobTitle: string; startDate: string; endDate: string | null };

export type PersonView = {
  person: PersonRow;
  employment: EmploymentView[];
  listAccountId: string | null;
  /** Null when the requester may not see this person's ratings (not on their list, say). */
  assessments: AssessmentRow[] | null;
  /** Null when the requester may not see conversations here; tasks follow conversations. */
  conversations: ConversationRow[] | null;
  tasks: TaskRow[] | null;
};

/**
 * One person's page: their record and employment history, and, where the requester's role allows,
 * their ratings, conversations and tasks. Support data and conversation notes are audited before
 * they leave.
 */
export async function viewPerson(ctx: CommandContext, input: { slug: string; personId: string }): Promise<PersonView> {
  const access = await ctx.authorize(input.slug, 'people.view');
  const scope = await authorizePerson(ctx, access, input.personId, 'people.view');
  const { personRecords, organizing } = ctx.repos;
  const person = await personRecords.find(access.campaign.id, input.personId);
  if (!person) throw personNotFound();
  const canSeeAssessments = mayActOnPerson(access, scope, 'assessments.view');
  const canSeeConversations = mayActOnPerson(access, scope, 'conversations.view');
  const employment = await personRecords.employmentHistory(person.id);
  const assessments = canSeeAssessments ? await organizing.assessmentHistory(person.id) : null;
  const conversations = canSeeConversations ? await organizing.conversationsOf(person.id) : null;
  const tasks = canSeeConversations ? await organizing.tasksOfPerson(person.id) : null;
  const subject = { type: 'person', id: person.id };
  if (assessments) await ctx.audit('assessments.viewed', { subject });
  if (conversations && tasks) await ctx.audit('conversations.viewed', { subject, details: { view: 'person', conversations: conversations.length, tasks: tasks.length } });
  // The record alone (name, contact, where they work) is personal data too: a view that showed
  // neither ratings nor notes still leaves its row.
  if (!assessments && !conversations) await ctx.audit('person.viewed', { subject });
  return { person, employment, listAccountId: scope.listAccountId, assessments, conversations, tasks };
}
