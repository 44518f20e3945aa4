// The people list's words (issue 12): what it sorts by and what its filters take, shared by the
// domain, the API contract and the organizer app.

export const peopleSorts = ['name', 'school', 'unit', 'rating', 'card', 'last_contact', 'assignee'] as const;
export type PeopleSort = (typeof peopleSorts)[number];

/** A rating level, or 'unknown' for people not rated. */
export const ratingFilters = ['1', '2', '3', '4', '5', 'unknown'] as const;
export type RatingFilter = (typeof ratingFilters)[number];

/** Card status on the day: a valid verified card, one waiting for verification, revoked, expired, or none. */
export const cardFilters = ['signed', 'waiting', 'revoked', 'expired', 'none'] as const;
export type CardFilter = (typeof cardFilters)[number];

export const contactFilters = ['never', 'within_30_days', 'over_30_days'] as const;
export type ContactFilter = (typeof contactFilters)[number];
