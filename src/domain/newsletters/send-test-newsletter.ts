import { AppError } from '../../errors.js';
import { getTranslator } from '../../i18n/translator.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { composeNewsletterEmail } from './compose-newsletter-email.js';

/**
 * Sends the newsletter as subscribers will get it to the organizer asking, and to no one else (the
 * address is the signed-in account's, never one typed in: a test send is not a way to mail anyone).
 * Drafts may be tested; the subject says it is a test, and its unsubscribe link is the generic page.
 */
export async function sendTestNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string; publicUrl: string }): Promise<{ to: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const to = ctx.requester.email;
  if (!to) throw new AppError('forbidden', 'A test send goes to your own account’s address: sign in first.');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  const siteUrl = campaignSiteUrl(input.publicUrl, campaign);
  const email = await composeNewsletterEmail(campaign, n, siteUrl);
  const unsubscribeUrl = `${siteUrl}/news/unsubscribe`;
  await ctx.recordMail({
    kind: 'newsletter_test',
    campaignId: campaign.id,
    to,
    subject: getTranslator(n.lang).t('mail.newsletter.testSubject', { title: email.subject }),
    text: `${email.text.before}${unsubscribeUrl}${email.text.after}`,
    html: email.html.split(email.linkMarker).join(unsubscribeUrl),
    headers: email.headers,
    automatic: false,
    fromName: email.fromName,
    replyTo: email.replyTo,
  });
  await ctx.audit('newsletter.test_sent', { subject: { type: 'newsletter', id: n.id } });
  return { to };
}
