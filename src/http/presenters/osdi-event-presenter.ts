import type { OsdiEvent } from '../../contracts/osdi-events.js';
import type { LocatedEvent } from '../../db/repositories/events-repository.js';
import { eventPublicPath } from '../../domain/events/event-public-path.js';
import { renderMarkdown } from '../../domain/public-site/render-markdown.js';

/**
 * A public event as an OSDI resource (HAL). Field by field: what the public page shows, and no
 * count of who answered (a small meeting's count points at people).
 */
export function presentOsdiEvent(found: LocatedEvent, urls: { api: string; publicUrl: string }): OsdiEvent {
  const { event } = found;
  const self = `${urls.api}/events/${event.id}`;
  return {
    identifiers: [`unionhall:${event.id}`],
    origin_system: 'Unionhall',
    created_date: event.createdAt.toISOString(),
    modified_date: event.updatedAt.toISOString(),
    name: event.slug,
    title: event.title,
    // OSDI's description may carry HTML; ours is Markdown, rendered as the public page does.
    description: renderMarkdown(event.description),
    browser_url: `${urls.publicUrl}${eventPublicPath(found)}`,
    type: 'open',
    status: 'confirmed',
    start_date: event.startsAt.toISOString(),
    end_date: event.endsAt.toISOString(),
    all_day: false,
    visibility: 'public',
    timezone_identifier: found.campaignTimeZone,
    ...(event.location ? { location: { venue: event.location } } : {}),
    _links: { self: { href: self }, 'osdi:attendances': { href: `${self}/attendances` }, 'osdi:record_attendance_helper': { href: `${self}/record_attendance_helper` } },
  };
}
