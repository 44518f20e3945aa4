import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { PublicationRow } from '../../db/repositories/public-numbers-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { countPublicSupport } from './count-public-support.js';

/**
 * Records a publication of today's numbers (rounded down to the campaign's granularity): from now
 * on the public site shows these, with their date, until the next one. Shared by the organizer's
 * "publish current numbers" and the daily automatic publication.
 */
export async function recordPublication(ctx: CommandContext, campaign: CampaignRow, by: { accountId: string | null; automatic: boolean }): Promise<PublicationRow> {
  const count = await countPublicSupport(ctx, campaign);
  const row = await ctx.repos.publicNumbers.insert({
    campaignId: campaign.id,
    asOf: count.asOf,
    granularity: count.granularity,
    educators: count.educators,
    schools: count.schools,
    educatorsShown: count.educatorsShown,
    schoolsShown: count.schoolsShown,
    automatic: by.automatic,
    publishedBy: by.accountId,
    publishedAt: ctx.now,
  });
  await ctx.audit('public_numbers.published', {
    campaignId: campaign.id,
    subject: { type: 'public_numbers', id: row.id },
    details: { asOf: row.asOf, granularity: row.granularity, educatorsShown: row.educatorsShown, schoolsShown: row.schoolsShown, automatic: by.automatic },
  });
  return row;
}

/** An organizer publishes the current numbers (after looking at the preview). */
export async function publishPublicNumbers(ctx: CommandContext, input: { slug: string }): Promise<PublicationRow> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'public.manage');
  await ctx.repos.publicNumbers.lockCampaign(campaign.id);
  return recordPublication(ctx, campaign, { accountId, automatic: false });
}
