import type { EmploymentInput } from '../../db/repositories/person-records-repository.js';
import { AppError } from '../../errors.js';
import { addDays } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { checkPlacement } from './check-placement.js';
import { authorizePerson } from './person-access.js';
import type { EmploymentView } from './view-person.js';

export type ChangeEmploymentInput = {
  slug: string;
  personId: string;
  effectiveDate: string;
  /** The new worksite, unit and title from `effectiveDate`; null when the person leaves. */
  next: Omit<EmploymentInput, 'startDate'> | null;
};

/**
 * A move, a new title or unit, or leaving: the employments current on `effectiveDate` end the day
 * before it and (unless the person leaves) a new one starts on it. History is never rewritten: the
 * effective date must come after the start of every existing employment.
 */
export async function changeEmployment(ctx: CommandContext, input: ChangeEmploymentInput): Promise<EmploymentView[]> {
  const access = await ctx.authorize(input.slug, 'people.edit');
  await authorizePerson(ctx, access, input.personId, 'people.edit');
  if (input.next) await checkPlacement(ctx, access, input.next.worksiteId, input.next.unitId);
  const { personRecords } = ctx.repos;
  // Two changes to one person at once would each see the other's employment as current.
  await personRecords.lockPerson(input.personId);
  const history = await personRecords.employmentSpans(access.campaign.id, input.personId);
  if (history.some((e) => e.startDate >= input.effectiveDate)) {
    throw new AppError('conflict', 'The roster already has a change for this person on or after that date.', [{ field: 'effectiveDate', reason: 'must be after the start of the current employment' }]);
  }
  const current = history.filter((e) => e.endDate === null || e.endDate >= input.effectiveDate);
  if (current.length === 0 && input.next === null) {
    throw new AppError('conflict', 'This person is not employed on that date.', [{ field: 'effectiveDate', reason: 'no employment to end' }]);
  }
  const lastDay = addDays(input.effectiveDate, -1);
  for (const e of current) await personRecords.endEmployment(e.id, lastDay);
  if (input.next) await personRecords.addEmployment(access.campaign.id, input.personId, { ...input.next, startDate: input.effectiveDate });
  await ctx.audit('employment.changed', { subject: { type: 'person', id: input.personId }, details: { kind: input.next ? 'change' : 'leave', effectiveDate: input.effectiveDate } });
  return personRecords.employmentHistory(input.personId);
}
