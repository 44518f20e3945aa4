import type { AssessmentRow } from '../../db/repositories/organizing-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson } from '../people/person-access.js';
import { findRequesterName } from './find-requester-name.js';

// A minute of grace for a client clock slightly ahead of ours.
const CLOCK_SKEW_MS = 60_000;

/**
 * Rates someone's support (1–5, or null for "unknown"). Ratings are history: a new one follows the
 * last, nothing is rewritten. Committee members rate only the coworkers on their own list.
 */
export async function recordAssessment(ctx: CommandContext, input: { slug: string; personId: string; level: number | null; note: string; assessedAt: Date | null }): Promise<AssessmentRow> {
  const access = await ctx.authorize(input.slug, 'assessments.edit');
  await authorizePerson(ctx, access, input.personId, 'assessments.edit');
  const at = input.assessedAt ?? ctx.now;
  if (at.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) throw new AppError('validation_failed', 'An assessment cannot be dated in the future.', [{ field: 'assessedAt', reason: 'is in the future' }]);
  return ctx.repos.organizing.addAssessment({
    campaignId: access.campaign.id,
    personId: input.personId,
    level: input.level,
    note: input.note,
    assessedByAccountId: access.accountId,
    assessedByName: await findRequesterName(ctx, access),
    assessedAt: at,
  });
}
