import { z } from 'zod';
import { supportSorts } from '../domain/majority/sort-by-support.js';
import { day, slugParams } from './shared.js';

// The organizer API of the support numbers: per unit and school, the dashboard, weekly growth.
// Aggregates only (counts and percentages), given as the aggregate policy says (decision 0023):
// below organizer, a count of 1 to 4 people, or one that could be worked out from the others, is
// withheld (null); `disclosure` says how each part was given.

/** `met` and `remaining` are null when the count of supporters is withheld. */
export const threshold = z.object({ needed: z.number().int(), met: z.boolean().nullable(), remaining: z.number().int().nullable() });
export type Threshold = z.infer<typeof threshold>;

/** Eligible, valid cards, percent, and the three thresholds: 30% showing of interest, majority, goal. */
export const supportFigures = z.object({
  eligible: z.number().int(),
  validCards: z.number().int().nullable(),
  percent: z.number().nullable(),
  thresholds: z.object({ showingOfInterest: threshold, majority: threshold, goal: threshold }),
});

/**
 * How a part of an answer was given: exact; in cells of at least 5 people; over the requester's
 * own worksites only (in cells of 5); or not at all.
 */
export const disclosure = z.enum(['exact', 'cells-of-5', 'own-worksites', 'own-list', 'none']);
export const supportDisclosure = z.object({ totals: disclosure, schools: disclosure });
export type SupportFigures = z.infer<typeof supportFigures>;

export const unitFigures = supportFigures.extend({ id: z.uuid(), name: z.string() });
export type UnitFigures = z.infer<typeof unitFigures>;
export const worksiteFigures = supportFigures.extend({ id: z.uuid(), name: z.string(), unitId: z.uuid() });
export type WorksiteFigures = z.infer<typeof worksiteFigures>;


const page = {
  sort: z.enum(supportSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

export const majorityPage = z.object({
  asOf: day,
  /** 'counters' for today (kept current as cards and roster change), 'computed' for other dates. */
  source: z.enum(['counters', 'computed']),
  goalPercent: z.number().int(),
  validityMonths: z.number().int(),
  units: z.array(unitFigures),
  worksites: z.array(worksiteFigures),
  worksitesTotal: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  disclosure: supportDisclosure,
});
export type MajorityPage = z.infer<typeof majorityPage>;

export const schoolRow = z.object({ id: z.uuid(), name: z.string(), eligible: z.number().int(), validCards: z.number().int().nullable(), percent: z.number().nullable(), majority: threshold });
export type SchoolRow = z.infer<typeof schoolRow>;

/** Counted cards only (verified); the work lists (awaiting review or verification) for organizers and admins. */
export const activityCounts = z.object({
  cardsSigned: z.number().int().nullable(),
  paperCards: z.number().int().nullable(),
  schools: z.number().int(),
  revocations: z.number().int().nullable(),
  awaitingReview: z.number().int().nullable(),
  awaitingVerification: z.number().int().nullable(),
});
export type ActivityCounts = z.infer<typeof activityCounts>;

export const dashboard = z.object({
  asOf: day,
  eligible: z.number().int(),
  worksites: z.number().int(),
  validCards: z.number().int().nullable(),
  schoolsWithSupporters: z.number().int(),
  goalPercent: z.number().int(),
  units: z.array(unitFigures),
  schools: z.array(schoolRow),
  schoolsTotal: z.number().int(),
  activity: z.object({ last7Days: activityCounts, last30Days: activityCounts }).nullable(),
  /** When the first and last counted cards were signed: lets the app offer a date when today shows none. */
  cardDates: z.object({ first: day.nullable(), last: day.nullable() }).nullable(),
  disclosure: supportDisclosure,
});
export type Dashboard = z.infer<typeof dashboard>;

export const growth = z.object({
  from: day,
  to: day,
  weeks: z.array(z.object({ weekStart: day, weekEnd: day, supporters: z.number().int().nullable(), schools: z.number().int() })),
});
export type Growth = z.infer<typeof growth>;

export const majorityContract = {
  viewMajority: { params: slugParams, query: z.object({ asOf: day.optional(), unit: z.uuid().optional(), ...page }), response: majorityPage },
  viewDashboard: { params: slugParams, query: z.object({ asOf: day.optional(), ...page }), response: dashboard },
  viewGrowth: { params: slugParams, query: z.object({ from: day.optional(), to: day.optional() }), response: growth },
} as const;
