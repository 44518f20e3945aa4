import type { AssessmentRow } from '../../db/repositories/organizing-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson } from '../people/person-access.js';

/** Every rating of one person, newest first; the view is audited. */
export async function listAssessmentHistory(ctx: CommandContext, input: { slug: string; personId: string }): Promise<AssessmentRow[]> {
  const access = await ctx.authorize(input.slug, 'assessments.view');
  await authorizePerson(ctx, access, input.personId, 'assessments.view');
  const rows = await ctx.repos.organizing.assessmentHistory(input.personId);
  await ctx.audit('assessments.list_viewed', { subject: { type: 'person', id: input.personId }, details: { view: 'history', count: rows.length } });
  return rows;
}
