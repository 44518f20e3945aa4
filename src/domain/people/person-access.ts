import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import type { CampaignAccess } from '../policies/authorize-campaign.js';
import { canPerform, limitedToOwnList, maySeePersonalDetail, type Action, type PersonalDetail } from '../policies/campaign-policy.js';

/** Where a person works, for access checks, and whose committee list they are on. */
export type PersonScope = { worksiteIds: string[]; listAccountId: string | null };

export const personNotFound = (): AppError => new AppError('not_found', 'No such person in this campaign.');

/**
 * Loads the person's scope and applies the policy to it, after the campaign-level check. People
 * outside the requester's worksites answer 404, like people who do not exist: a committee member
 * learns nothing about other schools. The scope is the worksites of the employments current
 * today, or, for someone who has left, of their last one.
 */
export async function authorizePerson(ctx: CommandContext, access: CampaignAccess, personId: string, action: Action): Promise<PersonScope> {
  const { campaign, actor } = access;
  const scope = await loadPersonScope(ctx, campaign, personId);
  if (!scope.worksiteIds.some((w) => canPerform(actor, 'people.view', w))) throw personNotFound();
  if (!scope.worksiteIds.some((w) => canPerform(actor, action, w))) throw new AppError('forbidden', 'Your role in this campaign does not allow that.');
  if (isPersonalDetail(action) ? !maySeePersonalDetail(actor, access.accountId, scope, action) : limitedToOwnList(actor, action) && scope.listAccountId !== access.accountId) {
    throw new AppError('forbidden', 'Committee members see ratings, conversations and card status only for the coworkers on their own list.');
  }
  return scope;
}

/** Where the person works today (or last worked) and whose list they are on; 404 when they are not in the campaign. */
export async function loadPersonScope(ctx: CommandContext, campaign: CampaignAccess['campaign'], personId: string): Promise<PersonScope> {
  const person = await ctx.repos.personRecords.find(campaign.id, personId);
  if (!person) throw personNotFound();
  const spans = await ctx.repos.personRecords.employmentSpans(campaign.id, personId);
  const today = ctx.today(campaign);
  const current = spans.filter((s) => s.startDate <= today && (s.endDate === null || s.endDate >= today));
  return { worksiteIds: (current.length > 0 ? current : spans.slice(0, 1)).map((s) => s.worksiteId), listAccountId: await ctx.repos.personRecords.listOwnerOf(personId) };
}

/** Whether the requester, already allowed to see the person, may also take `action` on them (no throw). */
export function mayActOnPerson(access: CampaignAccess, scope: PersonScope, action: Action): boolean {
  if (isPersonalDetail(action)) return maySeePersonalDetail(access.actor, access.accountId, scope, action);
  const atWorksite = scope.worksiteIds.some((w) => canPerform(access.actor, action, w));
  return atWorksite && (!limitedToOwnList(access.actor, action) || scope.listAccountId === access.accountId);
}

function isPersonalDetail(action: Action): action is PersonalDetail {
  return action === 'assessments.view' || action === 'conversations.view' || action === 'cards.view';
}
