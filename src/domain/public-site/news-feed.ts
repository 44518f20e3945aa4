import { js2xml, type ElementCompact } from 'xml-js';

export type FeedEntry = { id: string; slug: string; title: string; summary: string; html: string; lang: string; publishedAt: Date; updatedAt: Date };

/**
 * The Atom feed (RFC 4287) of a campaign's published newsletters in one language, newest first.
 *
 * Ids are URNs of the newsletter's own UUID, never its URL: the same issue keeps one id whether the
 * feed is read at `/news/…` or `/c/{campaign}/news/…`, or after the site moves, so a reader never
 * shows it twice. The feed's id is the campaign's UUID and the language (`urn:uuid:…#es`, a URN with
 * a fragment is still an IRI), the same from every URL. The campaign is the author (RFC 4287 §4.1.1:
 * a feed needs one unless every entry has its own), and every element carries `xml:lang`.
 */
export function buildNewsFeed(input: { campaignId: string; campaignName: string; title: string; description: string; siteUrl: string; feedUrl: string; lang: string; entries: readonly FeedEntry[] }): string {
  const updated = input.entries.reduce<Date>((max, e) => (e.updatedAt > max ? e.updatedAt : max), new Date(0));
  const text = (value: string): ElementCompact => ({ _attributes: { type: 'text' }, _text: value });
  const feed: ElementCompact = {
    _declaration: { _attributes: { version: '1.0', encoding: 'utf-8' } },
    feed: {
      _attributes: { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': input.lang },
      id: { _text: `urn:uuid:${input.campaignId}#${input.lang}` },
      title: text(input.title),
      ...(input.description ? { subtitle: text(input.description) } : {}),
      updated: { _text: updated.toISOString() },
      author: { name: { _text: input.campaignName }, uri: { _text: input.siteUrl } },
      link: [
        { _attributes: { rel: 'self', type: 'application/atom+xml', href: input.feedUrl } },
        { _attributes: { rel: 'alternate', type: 'text/html', href: `${input.siteUrl}/news` } },
      ],
      generator: { _text: 'Unionhall' },
      entry: input.entries.map((entry) => ({
        _attributes: { 'xml:lang': entry.lang },
        id: { _text: `urn:uuid:${entry.id}` },
        title: text(entry.title),
        link: { _attributes: { rel: 'alternate', type: 'text/html', href: `${input.siteUrl}/news/${entry.slug}` } },
        published: { _text: entry.publishedAt.toISOString() },
        updated: { _text: entry.updatedAt.toISOString() },
        ...(entry.summary ? { summary: text(entry.summary) } : {}),
        content: { _attributes: { type: 'html' }, _text: entry.html },
      })),
    },
  };
  return `${js2xml(feed, { compact: true, spaces: 2 })}\n`;
}
