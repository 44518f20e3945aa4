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
