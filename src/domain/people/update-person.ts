import type { PersonFields, PersonRow } from '../../db/repositories/person-records-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson, personNotFound } from './person-access.js';

/** Corrects a person's name or contact details; only the fields given change. */
export async function updatePerson(ctx: CommandContext, input: { slug: string; personId: string; fields: Partial<PersonFields> }): Promise<PersonRow> {
  const access = await ctx.authorize(input.slug, 'people.edit');
  await authorizePerson(ctx, access, input.personId, 'people.edit');
  const fields = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined)) as Partial<PersonFields>;
  if (Object.keys(fields).length === 0) {
    // Nothing to change: answer with the record as it stands, and write nothing.
    const person = await ctx.repos.personRecords.find(access.campaign.id, input.personId);
    if (!person) throw personNotFound();
    return person;
  }
  const updated = await ctx.repos.personRecords.update(access.campaign.id, input.personId, fields);
  if (updated === 'duplicate_employee_id') throw new AppError('conflict', 'Someone on this roster already has that employee id.', [{ field: 'employeeId', reason: 'is already used' }]);
  if (!updated) throw personNotFound();
  await ctx.audit('person.updated', { subject: { type: 'person', id: updated.id }, details: { fields: Object.keys(fields) } });
  return updated;
}
