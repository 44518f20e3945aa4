import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import { getTranslator } from '../../i18n/translator.js';
import { renderNewsletterEmail } from '../../mail/templates/render-newsletter-email.js';
import { markdownToPlainText, renderMarkdown } from '../public-site/render-markdown.js';

export type NewsletterEmail = {
  subject: string;
  /** The plain-text part around the unsubscribe link (`before + link + after`). */
  text: { before: string; after: string };
  /** The HTML part, with `linkMarker` where each recipient's unsubscribe link goes. */
  html: string;
  linkMarker: string;
  /** Content-Language (RFC 3282): the newsletter's language, which is also its footer's. */
  headers: Record<string, string>;
  fromName: string | null;
  replyTo: string | null;
};

/**
 * A newsletter as email: a plain-text part people read (not the Markdown source) and an HTML part in
 * the campaign's template, both from the same sanitized rendering of the Markdown, with the footer
 * in the newsletter's own language. Rendered once per send; each recipient's unsubscribe link is put
 * in where the marker stands.
 */
export async function composeNewsletterEmail(campaign: CampaignRow, n: NewsletterRow, siteUrl: string): Promise<NewsletterEmail> {
  const { t } = getTranslator(n.lang);
  const webUrl = `${siteUrl}/news/${n.slug}`;
  const linkMarker = `https://unsubscribe-link.invalid/${n.id}`;
  const footer = t('mail.newsletter.footer', { webUrl, unsubscribeUrl: linkMarker });
  const [before, after, ...rest] = footer.split(linkMarker);
  if (before === undefined || after === undefined || rest.length > 0) throw new Error(`the ${n.lang} newsletter footer must name {unsubscribeUrl} once`);
  const html = await renderNewsletterEmail({
    lang: n.lang,
    campaignName: campaign.name,
    brandColor: campaign.brandColor,
    title: n.title,
    bodyHtml: renderMarkdown(n.bodyMarkdown),
    webUrl,
    unsubscribeUrl: linkMarker,
    labels: { readOnWeb: t('mail.newsletter.readOnWeb'), unsubscribe: t('mail.newsletter.unsubscribe'), why: t('mail.newsletter.why', { campaign: campaign.name }) },
  });
  return {
    subject: n.title,
    text: { before: `${n.title}\n\n${markdownToPlainText(n.bodyMarkdown)}\n\n—\n${before}`, after: `${after}\n` },
    html,
    linkMarker,
    headers: { 'Content-Language': n.lang },
    fromName: campaign.mailSenderName ?? campaign.name,
    replyTo: campaign.mailReplyTo,
  };
}
