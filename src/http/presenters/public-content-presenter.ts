import type { Endorsement } from '../../contracts/endorsements.js';
import type { CampaignEvent, Rsvp } from '../../contracts/events.js';
import type { Newsletter } from '../../contracts/newsletters.js';
import type { PressItem } from '../../contracts/press.js';
import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import type { RsvpRow } from '../../db/repositories/events-repository.js';
import type { PressItemRow } from '../../db/repositories/press-repository.js';
import type { EventView } from '../../domain/events/event-view.js';
import type { NewsletterView } from '../../domain/newsletters/newsletter-view.js';

// What organizers see of public content in the API (never document bytes).
export function presentNewsletter({ row: n, isPublic }: NewsletterView): Newsletter {
  return {
    id: n.id,
    slug: n.slug,
    title: n.title,
    summary: n.summary,
    bodyMarkdown: n.bodyMarkdown,
    lang: n.lang,
    status: n.status,
    publishAt: n.publishAt?.toISOString() ?? null,
    isPublic,
    sentAt: n.sentAt?.toISOString() ?? null,
    sentCount: n.sentCount,
    sendAt: n.sendAt?.toISOString() ?? null,
    audiences: n.audiences,
    audienceEventId: n.audienceEventId,
    versionOf: n.versionOf,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function presentEndorsement(e: EndorsementWithDocument, campaignSlug: string): Endorsement {
  return {
    id: e.id,
    endorserName: e.endorserName,
    endorserKind: e.endorserKind,
    endorserTitle: e.endorserTitle,
    level: e.level,
    endorsedOn: e.endorsedOn,
    quote: e.quote,
    isPublic: e.isPublic,
    document: e.document
      ? {
          sha256: e.document.sha256,
          filename: e.document.filename,
          size: e.document.size,
          uploadedAt: e.document.uploadedAt.toISOString(),
          downloadUrl: `/api/campaigns/${campaignSlug}/endorsements/${e.id}/document`,
          publicUrl: e.isPublic ? `/c/${campaignSlug}/endorsements/documents/${e.document.sha256}` : null,
        }
      : null,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentPressItem(p: PressItemRow): PressItem {
  return {
    id: p.id,
    kind: p.kind,
    outlet: p.outlet,
    headline: p.headline,
    publishedOn: p.publishedOn,
    url: p.url,
    slug: p.slug,
    bodyMarkdown: p.bodyMarkdown,
    lang: p.lang,
    isPublic: p.isPublic,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** An event with its times on the campaign's wall clock, named with the zone (decision 0016). */
export function presentEvent({ row: e, times, timeZone, counts }: EventView): CampaignEvent {
  return {
    id: e.id,
    slug: e.slug,
    kind: e.kind,
    title: e.title,
    description: e.description,
    location: e.location,
    ...times,
    timeZone,
    isPublic: e.isPublic,
    rsvpOpen: e.rsvpOpen,
    ...(counts ? { rsvpCount: counts.rsvps, checkedInCount: counts.checkedIn } : {}),
  };
}

export function presentRsvp(r: RsvpRow): Rsvp {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    lang: r.lang,
    walkIn: r.walkIn,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
