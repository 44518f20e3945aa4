import { AppError } from '../../errors.js';
import { getTranslator } from '../../i18n/translator.js';
import { languages } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { isNewsletterPublic } from '../public-site/newsletter-status.js';
import { subscriptionTokenKey, subscriptionTokenPrefix } from '../public-site/subscription-tokens.js';

/**
 * Emails a published newsletter to every confirmed subscriber, once. The claim, one message per
 * subscriber (written by one statement, each with its own one-click unsubscribe link and the
 * List-Unsubscribe headers of RFC 8058) and the count commit together; the outbox delivers them
 * after the commit, so the organizer's request never waits on the mail server.
 */
export async function sendNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string; publicUrl: string; secret: string }): Promise<{ sent: number }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const { newsletters, subscribers } = ctx.repos;
  const n = await newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  if (!isNewsletterPublic(n, ctx.now)) throw new AppError('conflict', 'Publish the newsletter before sending it.', [{ field: 'status', reason: 'must be published' }]);
  if (!(await subscribers.claimSend(n.id, ctx.now))) throw new AppError('conflict', 'This newsletter was already sent.');
  const siteUrl = campaignSiteUrl(input.publicUrl, campaign);
  const webUrl = `${siteUrl}/news/${n.slug}`;
  // Each language's text around the subscriber's own unsubscribe link, which the statement fills in.
  const marker = `\u0001unsubscribe-${n.id}\u0001`;
  const texts = languages.map((lang) => {
    const footer = getTranslator(lang).t('mail.newsletter.footer', { webUrl, unsubscribeUrl: marker });
    const [before, after, ...rest] = footer.split(marker);
    if (before === undefined || after === undefined || rest.length > 0) throw new Error(`the ${lang} newsletter footer must name {unsubscribeUrl} once`);
    return { lang, before: `${n.title}\n\n${n.bodyMarkdown}\n\n—\n${before}`, after: `${after}\n` };
  });
  const sent = await ctx.recordMails((delivery) =>
    subscribers.recordIssueMails({
      campaignId: campaign.id,
      kind: 'newsletter',
      subject: n.title,
      texts,
      unsubscribeUrl: `${siteUrl}/news/unsubscribe`,
      token: { key: subscriptionTokenKey(input.secret), prefix: subscriptionTokenPrefix('unsubscribe') },
      delivery,
    }),
  );
  await subscribers.recordSent(n.id, sent);
  await ctx.audit('newsletter.sent', { subject: { type: 'newsletter', id: n.id }, details: { count: sent } });
  return { sent };
}
