import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import type { EventRow } from '../../db/repositories/events-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import { dayOf } from '../../domain/calendar.js';
import { excerpt, markdownToText } from '../../domain/public-site/render-markdown.js';
import type { EndorsementCard, EventSummary, NewsletterSummary } from './view-models.js';

/** The calendar day (YYYY-MM-DD) of an instant in the campaign's time zone. */
export function campaignDay(at: Date, timeZone: string): string {
  return dayOf(at, timeZone);
}

export function toNewsletterSummary(n: NewsletterRow, base: string, timeZone: string): NewsletterSummary {
  return {
    title: n.title,
    url: `${base}/news/${n.slug}`,
    publishedOn: campaignDay(n.publishAt ?? n.createdAt, timeZone),
    summary: n.summary !== '' ? n.summary : excerpt(markdownToText(n.bodyMarkdown)),
    lang: n.lang,
  };
}

export function toEndorsementCard(e: EndorsementWithDocument, base: string): EndorsementCard {
  return {
    name: e.endorserName,
    title: e.endorserTitle,
    date: e.endorsedOn,
    quote: e.quote,
    documentUrl: e.document ? `${base}/endorsements/documents/${e.document.sha256}` : null,
    documentSize: e.document?.size ?? null,
  };
}

export function toEventSummary(e: EventRow, base: string): EventSummary {
  return { title: e.title, url: `${base}/events/${e.slug}`, calendarUrl: `${base}/events/${e.slug}/calendar.ics`, kind: e.kind, startsAt: e.startsAt, location: e.location };
}
