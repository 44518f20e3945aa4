// How a support card arrived and how it was matched to the roster.

export const cardSources = ['electronic', 'paper'] as const;
export const matchStatuses = ['matched', 'unmatched', 'ambiguous', 'resolved'] as const;
export const matchMethods = ['email', 'employee_id', 'name_school', 'manual'] as const;
