import type { EmploymentInput, PersonFields, PersonRow } from '../../db/repositories/person-records-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { checkPlacement } from './check-placement.js';

/** Adds someone to the roster by hand, with their first employment. */
export async function createPerson(ctx: CommandContext, input: { slug: string; fields: PersonFields; employment: EmploymentInput }): Promise<PersonRow> {
  const access = await ctx.authorize(input.slug, 'people.edit');
  await checkPlacement(ctx, access, input.employment.worksiteId, input.employment.unitId);
  const created = await ctx.repos.personRecords.create(access.campaign.id, input.fields, input.employment);
  if (created === 'duplicate_employee_id') throw new AppError('conflict', 'Someone on this roster already has that employee id.', [{ field: 'employeeId', reason: 'is already used' }]);
  await ctx.audit('person.created', { subject: { type: 'person', id: created.id } });
  return created;
}
