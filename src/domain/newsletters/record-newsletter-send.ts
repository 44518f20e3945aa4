import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import { uuidV7 } from '../../support/uuid-v7.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { subscriptionToken, subscriptionTokenKey, subscriptionTokenPrefix } from '../public-site/subscription-tokens.js';
import { composeNewsletterEmail } from './compose-newsletter-email.js';
import { gatherNewsletterAudience } from './gather-newsletter-audience.js';

export type NewsletterSendResult = { sent: number; otherLanguages: number; suppressed: number; excluded: number };

/**
 * The send itself, for a newsletter the caller has claimed (an organizer's send now, or the
 * schedule's): the shared HTML body, then its audiences.
 * - Subscribers: one message per confirmed subscriber in the newsletter's language whose address
 *   never hard-bounced (one statement, each with its own one-click link and the List-Unsubscribe
 *   headers of RFC 8058). Subscribers in another language are not sent a newsletter they may not
 *   read: the result counts them.
 * - Educators who agreed to updates and event attendees (gatherNewsletterAudience: their language
 *   or the main one, never an employer's domain): one sealed message each, their address being
 *   personal data, with a one-click link signed over the message id.
 * Then the count and the audit row.
 */
export async function recordNewsletterSend(ctx: CommandContext, campaign: CampaignRow, n: NewsletterRow, input: { publicUrl: string; secret: string; scheduled: boolean }): Promise<NewsletterSendResult> {
  const { subscribers, mail } = ctx.repos;
  const siteUrl = campaignSiteUrl(input.publicUrl, campaign);
  const email = await composeNewsletterEmail(campaign, n, siteUrl);
  const bodyId = await mail.recordBody(email.html, email.linkMarker);
  let sent = 0;
  let otherLanguages = 0;
  let suppressed = 0;
  if (n.audiences.includes('subscribers')) {
    sent += await ctx.recordMails((delivery) =>
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
    otherLanguages = audience.filter((a) => a.lang !== n.lang).reduce((sum, a) => sum + a.count, 0);
    suppressed = audience.filter((a) => a.lang === n.lang).reduce((sum, a) => sum + a.suppressed, 0);
  }
  const others = await gatherNewsletterAudience(ctx, campaign, n);
  sent += await ctx.recordMails(async (delivery) => {
    for (const person of others.recipients) {
      const id = uuidV7(ctx.now.getTime());
      const link = `${siteUrl}/news/unsubscribe?m=${id}&t=${subscriptionToken(input.secret, 'unsubscribe-mail', id)}`;
      await mail.record({
        id,
        campaignId: campaign.id,
        newsletterId: n.id,
        kind: 'newsletter',
        toAddress: person.address,
        subject: email.subject,
        textBody: `${email.text.before}${link}${email.text.after}`,
        bodyId,
        link,
        fromName: email.fromName,
        replyTo: email.replyTo,
        headers: { ...email.headers, 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        ...delivery,
      });
    }
    return others.recipients.length;
  });
  const excluded = others.excluded.length;
  await subscribers.recordSent(n.id, sent);
  await ctx.audit('newsletter.sent', {
    campaignId: campaign.id,
    subject: { type: 'newsletter', id: n.id },
    details: { count: sent, lang: n.lang, audiences: n.audiences, otherLanguages, suppressed, excluded, ...(input.scheduled ? { scheduled: true } : {}) },
  });
  return { sent, otherLanguages, suppressed, excluded };
}
