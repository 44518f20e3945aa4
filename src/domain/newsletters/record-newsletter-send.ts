import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { subscriptionTokenKey, subscriptionTokenPrefix } from '../public-site/subscription-tokens.js';
import { composeNewsletterEmail } from './compose-newsletter-email.js';

export type NewsletterSendResult = { sent: number; otherLanguages: number; suppressed: number };

/**
 * The send itself, for a newsletter the caller has claimed (an organizer's send now, or the
 * schedule's): the shared HTML body, one message per confirmed subscriber in the newsletter's
 * language whose address never hard-bounced (one statement, each with its own one-click link and
 * the List-Unsubscribe headers of RFC 8058), the count and the audit row. Subscribers in another
 * language are not sent a newsletter they may not read: the result counts them.
 */
export async function recordNewsletterSend(ctx: CommandContext, campaign: CampaignRow, n: NewsletterRow, input: { publicUrl: string; secret: string; scheduled: boolean }): Promise<NewsletterSendResult> {
  const { subscribers, mail } = ctx.repos;
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
  await ctx.audit('newsletter.sent', {
    campaignId: campaign.id,
    subject: { type: 'newsletter', id: n.id },
    details: { count: sent, lang: n.lang, otherLanguages, suppressed, ...(input.scheduled ? { scheduled: true } : {}) },
  });
  return { sent, otherLanguages, suppressed };
}
