import type { LocatedEvent } from '../../db/repositories/events-repository.js';

/** Where a campaign's public site lives: `` (the default campaign) or `/c/{campaign}`. */
export function campaignSitePath(found: Pick<LocatedEvent, 'campaignSlug' | 'isDefaultCampaign'>): string {
  return found.isDefaultCampaign ? '' : `/c/${found.campaignSlug}`;
}

/** Where an event lives on the public site: `/events/{slug}`, or `/c/{campaign}/events/{slug}`. */
export function eventPublicPath(found: LocatedEvent): string {
  return `${campaignSitePath(found)}/events/${found.event.slug}`;
}
