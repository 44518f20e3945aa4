// The public site's words: newsletter statuses, endorsement levels, press and event kinds.

export const newsletterStatuses = ['draft', 'published', 'scheduled'] as const;
export const endorsementLevels = [
  'congress',
  'state_senate',
  'state_assembly',
  'city_council',
  'neighborhood_council',
  'union',
  'community_organization',
  'faith_group',
  'parent_group',
  'educators',
] as const;
export const endorserKinds = ['person', 'organization'] as const;
export const pressKinds = ['news', 'opinion', 'broadcast', 'radio', 'online', 'release'] as const;
export const eventKinds = ['press_conference', 'meeting', 'rally', 'other'] as const;
// An RSVP counts once accepted; one posted to the OSDI helper without a key waits for its email.
export const rsvpStatuses = ['accepted', 'pending_confirmation'] as const;
// Where an RSVP came from: the public page, the OSDI helper without a key, a write-scoped key.
export const rsvpSources = ['form', 'osdi', 'api'] as const;

// Who a newsletter is emailed to: community subscribers, educators on the roster who agreed to
// updates at a personal address, and people who RSVPed to events.
export const newsletterAudiences = ['subscribers', 'roster', 'attendees'] as const;
export type NewsletterAudience = (typeof newsletterAudiences)[number];

// Where an educator's agreement to receive updates at a personal address came from.
export const updateConsentSources = ['card', 'conversation', 'subscription'] as const;
export type UpdateConsentSource = (typeof updateConsentSources)[number];

// Why a roster or attendee address is left out of a send (shown as counts, and per person only to
// those who may see cards).
export const audienceExclusionReasons = ['employer_domain', 'bounced', 'unsubscribed', 'duplicate'] as const;
export type AudienceExclusionReason = (typeof audienceExclusionReasons)[number];
