import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { isNewsletterPublic } from '../public-site/newsletter-status.js';
import { subscriptionTokenKey, subscriptionTokenPrefix } from '../public-site/subscription-tokens.js';
import { composeNewsletterEmail } from './compose-newsletter-email.js';

/**
 * Emails a published newsletter, once, to every confirmed subscriber in its language whose address
 * never hard-bounced. The claim, the shared HTML body, one message per subscriber (written by one
 * statement, each with its own one-click unsubscribe link and the List-Unsubscribe headers of RFC
 * 8058) and the count commit together; the outbox delivers them after the commit, so the
 * organizer's request never waits on the mail server. Subscribers in another language are not
 * sent a newsletter they may not read: the answer counts them, so the organizer can write theirs.
 */
export async function sendNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string; publicUrl: string; secret: string }): Promise<{ sent: number; otherLanguages: number; suppressed: number }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const { newsletters, subscribers, mail } = ctx.repos;
  const n = await newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  if (!isNewsletterPublic(n, ctx.now)) throw new AppError('conflict', 'Publish the newsletter before sending it.', [{ field: 'status', reason: 'must be published' }]);
  if (!(await subscribers.claimSend(n.id, ctx.now))) throw new AppError('conflict', 'This newsletter was already sent.');
  const siteUrl = campaignSiteUrl(input.publicUrl, campaign);
  const email = await composeNewsletterEmail(campaign, n, siteUrl);
  const bodyId = await mail.recordBody(email.html, email.linkMarker);
  const sent = await ctx.recordMails((delivery) =>
    subscribers.recordIssueMails({
      campaignId: campaign.id,
      newsletterId: n.id,
      kind: 'newsletter',
      subject: email.subject,
      langs: [n.lang],
      text: email.text,
      bodyId,
      headers: email.headers,
      fromName: email.fromName,
      replyTo: email.replyTo,
      unsubscribeUrl: `${siteUrl}/news/unsubscribe`,
      token: { key: subscriptionTokenKey(input.secret), prefix: subscriptionTokenPrefix('unsubscribe') },
      delivery,
    }),
  );
  const audience = await subscribers.countAudience(campaign.id);
  const otherLanguages = audience.filter((a) => a.lang !== n.lang).reduce((sum, a) => sum + a.count, 0);
  const suppressed = audience.filter((a) => a.lang === n.lang).reduce((sum, a) => sum + a.suppressed, 0);
  await subscribers.recordSent(n.id, sent);
  await ctx.audit('newsletter.sent', { subject: { type: 'newsletter', id: n.id }, details: { count: sent, lang: n.lang, otherLanguages, suppressed } });
  return { sent, otherLanguages, suppressed };
}
