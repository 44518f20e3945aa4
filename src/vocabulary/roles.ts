// The roles a staff account can hold in a campaign, from the most to the least trusted.
export const roles = ['admin', 'organizer', 'committee', 'viewer'] as const;
export type Role = (typeof roles)[number];
