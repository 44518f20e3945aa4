import { Feed } from 'feed';

export type FeedEntry = { slug: string; title: string; summary: string; html: string; publishedAt: Date; updatedAt: Date };

/** The Atom feed of a campaign's published newsletters (newest first). */
export function buildNewsFeed(input: { title: string; description: string; siteUrl: string; feedUrl: string; lang: string; entries: readonly FeedEntry[] }): string {
  const updated = input.entries.reduce<Date | undefined>((max, e) => (!max || e.updatedAt > max ? e.updatedAt : max), undefined);
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: input.feedUrl,
    link: input.siteUrl,
    language: input.lang,
    updated: updated ?? new Date(0),
    copyright: '',
    feedLinks: { atom: input.feedUrl },
    generator: 'Unionhall',
  });
  for (const entry of input.entries) {
    const url = `${input.siteUrl}/news/${entry.slug}`;
    feed.addItem({ title: entry.title, id: url, link: url, description: entry.summary, content: entry.html, date: entry.updatedAt, published: entry.publishedAt });
  }
  return feed.atom1();
}
