import type { OsdiMessage } from '../../contracts/osdi-messages.js';
import type { CampaignOfKey } from '../../db/repositories/integrations-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import { renderMarkdown } from '../../domain/public-site/render-markdown.js';

/**
 * A newsletter as an OSDI message (an email). Field by field: what the public site shows, the
 * sender the campaign set, and how many it went to; never who (the subscribers).
 */
export function presentOsdiMessage(n: NewsletterRow, campaign: CampaignOfKey, urls: { api: string; publicUrl: string; sitePath: string }): OsdiMessage {
  return {
    identifiers: [`unionhall:${n.id}`],
    origin_system: 'Unionhall',
    created_date: n.createdAt.toISOString(),
    modified_date: n.updatedAt.toISOString(),
    name: n.slug,
    subject: n.title,
    body: renderMarkdown(n.bodyMarkdown),
    from: campaign.mailSenderName ?? campaign.name,
    ...(campaign.mailReplyTo ? { reply_to: campaign.mailReplyTo } : {}),
    browser_url: `${urls.publicUrl}${urls.sitePath}/news/${n.slug}`,
    type: 'email',
    status: n.sentAt ? 'sent' : n.sendAt ? 'scheduled' : 'draft',
    total_targeted: n.sentCount,
    ...(n.sendAt ? { scheduled_start_date: n.sendAt.toISOString() } : {}),
    ...(n.sentAt ? { sent_start_date: n.sentAt.toISOString() } : {}),
    statistics: { sent: n.sentCount },
    _links: { self: { href: `${urls.api}/messages/${n.id}` } },
  };
}
