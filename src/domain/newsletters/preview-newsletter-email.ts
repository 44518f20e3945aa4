import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { composeNewsletterEmail } from './compose-newsletter-email.js';

/** The editor's email preview: the saved newsletter's HTML part as subscribers will get it. */
export async function previewNewsletterEmail(ctx: CommandContext, input: { slug: string; newsletterId: string; publicUrl: string }): Promise<{ html: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  const siteUrl = campaignSiteUrl(input.publicUrl, campaign);
  const email = await composeNewsletterEmail(campaign, n, siteUrl);
  return { html: email.html.split(email.linkMarker).join(`${siteUrl}/news/unsubscribe`) };
}
