import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { count } from './setup-rules.js';
import { worksiteNotFound } from './update-worksite.js';

/**
 * Removes a school entered by mistake. Refused while anything still names it: people who work or
 * worked there (their employment history), cards signed there, incidents in the evidence log.
 */
export async function removeWorksite(ctx: CommandContext, input: { slug: string; worksiteId: string }): Promise<{ id: string; name: string }> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const school = await ctx.repos.campaigns.findWorksite(campaign.id, input.worksiteId);
  if (!school) throw worksiteNotFound();
  const usage = await ctx.repos.campaigns.worksiteUsage(school.id);
  const uses: FieldProblem[] = [];
  if (usage.people > 0) uses.push({ field: 'people', reason: `${count(usage.people, 'person works or worked', 'people work or worked')} there (employment history)` });
  if (usage.cards > 0) uses.push({ field: 'cards', reason: `${count(usage.cards, 'card was', 'cards were')} signed there` });
  if (usage.incidents > 0) uses.push({ field: 'incidents', reason: `${count(usage.incidents, 'incident in the evidence log names', 'incidents in the evidence log name')} it` });
  if (uses.length > 0) {
    throw new AppError('in_use', `"${school.name}" is still in use: ${uses.map((u) => u.reason).join('; ')}. A school with a history stays; rename it instead. Nothing was removed.`, uses);
  }
  await ctx.repos.campaigns.deleteWorksite(school.id);
  await ctx.audit('worksite.removed', { campaignId: campaign.id, subject: { type: 'worksite', id: school.id }, details: { name: school.name, city: school.city, employerId: school.employerId } });
  return { id: school.id, name: school.name };
}
