import { z } from 'zod';
import { disclosure } from './majority.js';
import { conversationChannels } from '../vocabulary/organizing.js';
import { day as calendarDay, id, instant, slug, slugParams } from './shared.js';

// The organizer API of people and organizing: a person's record and employment, support
// assessments and the wall chart, conversations and tasks, committee lists and coverage.

export const personParams = slugParams.extend({ personId: id('person') });
export const taskParams = slugParams.extend({ taskId: id('task') });
export const committeeListParams = slugParams.extend({ accountId: id('account') });
export const committeeListPersonParams = committeeListParams.extend({ personId: id('person') });

/**
 * The shared `day`, less year 0000: the calendar takes it (ISO year 0 is 1 BC) but PostgreSQL has no
 * year 0 and refuses to store or compare it. Goes when the shared schema refuses it too.
 */
const day = calendarDay.refine((d) => !d.startsWith('0000'), 'must be a real date as YYYY-MM-DD');

/** An instant in a request, with its offset: 2026-02-30T10:00:00Z is refused, not read as 2 March. */
const instantInput = z.iso.datetime({ offset: true, error: 'must be a date and time as ISO 8601 with an offset' });

// ---- people ----

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const email = z
  .string()
  .trim()
  .toLowerCase()
  .email('is not an email address')
  .max(254)
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));
const jobTitle = z.string().trim().min(1, 'is required').max(200);

const personFields = z.object({
  givenName: z.string().trim().min(1, 'is required').max(200),
  familyName: z.string().trim().min(1, 'is required').max(200),
  employeeId: optionalText(100),
  workEmail: email,
  personalEmail: email,
  phone: optionalText(50),
});

export const person = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  employeeId: z.string().nullable(),
  workEmail: z.string().nullable(),
  personalEmail: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Person = z.infer<typeof person>;

export const employment = z.object({
  id: z.uuid(),
  worksiteId: z.uuid(),
  worksiteName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  jobTitle: z.string(),
  startDate: day,
  endDate: day.nullable(),
});
export type Employment = z.infer<typeof employment>;

// ---- assessments ----

/** 1 (leader) … 5 (opposed), or "unknown". */
const levelInput = z.union([z.number().int().min(1).max(5), z.literal('unknown')], { error: 'must be 1–5 or "unknown"' });
const level = z.number().int().nullable();

export const assessment = z.object({
  id: z.number().int(),
  personId: z.uuid(),
  level,
  label: z.string(),
  note: z.string(),
  assessedBy: z.string(),
  assessedAt: instant,
});
export type Assessment = z.infer<typeof assessment>;

/** What a person page shows as "latest" for someone never rated. */
export const noAssessment = z.object({ level: z.null(), label: z.string(), note: z.string(), assessedBy: z.null(), assessedAt: z.null() });

export const assessedPerson = z.object({
  personId: z.uuid(),
  name: z.string(),
  worksiteId: z.uuid(),
  worksiteName: z.string(),
  jobTitle: z.string(),
  level,
  label: z.string(),
  note: z.string().nullable(),
  assessedBy: z.string().nullable(),
  assessedAt: instant.nullable(),
});
export type AssessedPerson = z.infer<typeof assessedPerson>;

export const levelCounts = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
  likelyYes: z.number().int(),
});

/**
 * Counts per level, given as the aggregate policy says (decision 0023): `counts` is null where they
 * are withheld (a level counting 1 to 4 people, or one that could be worked out from the others).
 */
export const assessmentSummary = z.object({
  asOf: day,
  total: levelCounts.nullable(),
  units: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), counts: levelCounts.nullable() })),
  worksites: z.array(z.object({ worksiteId: z.uuid(), worksiteName: z.string(), counts: levelCounts.nullable() })),
  disclosure: z.object({ totals: disclosure, schools: disclosure }),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

export const wallChart = z.object({
  asOf: day,
  columns: z.array(
    z.object({
      worksiteId: z.uuid(),
      worksiteName: z.string(),
      /** The heading's figures: `supporters` is null when some ratings in the column are not the reader's to see. */
      totals: z.object({ people: z.number().int(), signedCards: z.number().int(), supporters: z.number().int().nullable() }),
      cells: z.array(
        z.object({
          personId: z.uuid(),
          name: z.string(),
          jobTitle: z.string(),
          level,
          assessmentHidden: z.boolean(),
          cardStatus: z.enum(['none', 'signed', 'revoked', 'expired']),
        }),
      ),
    }),
  ),
});
export type WallChart = z.infer<typeof wallChart>;

const asOfQuery = z.object({ asOf: day.optional() });

// ---- conversations and tasks ----

const issue = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9 _-]{0,39}$/, 'must be a short tag (letters, digits, spaces, - or _)');
const taskTitle = z.string().trim().min(1, 'is required').max(300);
const followUp = z.object({ title: taskTitle, dueDate: day.nullable().default(null), assigneeAccountId: id('account').nullable().default(null) });

export const conversation = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  organizer: z.string(),
  organizerAccountId: z.uuid().nullable(),
  /** When it happened; for a conversation logged with its day only, noon of that day in the campaign's time zone. */
  occurredAt: instant,
  /** The day, when the conversation was logged without a time: show it alone, never with a time. */
  occurredOn: day.nullable(),
  channel: z.enum(conversationChannels),
  issues: z.array(z.string()),
  notes: z.string(),
  nextStep: z.string(),
});
export type Conversation = z.infer<typeof conversation>;

export const task = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
  title: z.string(),
  dueDate: day.nullable(),
  assigneeAccountId: z.uuid().nullable(),
  done: z.boolean(),
  doneAt: instant.nullable(),
  createdAt: instant,
});
export type Task = z.infer<typeof task>;

export const myTask = task.extend({ campaign: z.object({ slug, name: z.string() }), personName: z.string().nullable() });
export type MyTask = z.infer<typeof myTask>;

// ---- committee lists and coverage ----

export const committeeList = z.object({ accountId: z.uuid(), name: z.string(), email: z.string(), people: z.array(z.object({ personId: z.uuid(), name: z.string() })) });
export type CommitteeList = z.infer<typeof committeeList>;

export const committeeMember = z.object({ accountId: z.uuid(), name: z.string(), email: z.string(), worksiteIds: z.array(z.uuid()) });
export type CommitteeMember = z.infer<typeof committeeMember>;

const coverageEntry = z.object({ personId: z.uuid(), name: z.string(), listOwner: z.string().nullable(), lastConversationAt: instant.nullable() });
export const worksiteCoverage = z.object({
  worksiteId: z.uuid(),
  worksiteName: z.string(),
  people: z.number().int(),
  assigned: z.number().int(),
  contactedRecently: z.number().int(),
  unassigned: z.array(coverageEntry),
  notContacted: z.array(coverageEntry),
});
export type WorksiteCoverage = z.infer<typeof worksiteCoverage>;

export const personPage = z.object({
  person,
  employment: z.array(employment),
  onListOf: z.uuid().nullable(),
  /** Null when the requester may not see this person's ratings. */
  latestAssessment: z.union([assessment, noAssessment]).nullable(),
  assessments: z.array(assessment).nullable(),
  /** Null when the requester may not see conversations here; tasks follow conversations. */
  conversations: z.array(conversation).nullable(),
  tasks: z.array(task).nullable(),
});
export type PersonPage = z.infer<typeof personPage>;

export const organizingContract = {
  // people
  viewPerson: { params: personParams, response: personPage },
  createPerson: {
    params: slugParams,
    body: personFields.extend({
      employment: z.object({ worksiteId: id('worksite'), unitId: id('unit').nullable(), jobTitle, startDate: day }),
    }),
    response: z.object({ person }),
  },
  updatePerson: { params: personParams, body: personFields.partial(), response: z.object({ person }) },
  changeEmployment: {
    params: personParams,
    body: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('leave'), effectiveDate: day }),
      z.object({ kind: z.literal('change'), effectiveDate: day, worksiteId: id('worksite'), unitId: id('unit').nullable(), jobTitle }),
    ]),
    response: z.object({ employment: z.array(employment) }),
  },

  // assessments
  recordAssessment: {
    params: personParams,
    body: z.object({ level: levelInput, note: z.string().trim().max(2000).default(''), assessedAt: instantInput.optional() }),
    response: z.object({ assessment }),
  },
  listAssessmentHistory: { params: personParams, response: z.object({ assessments: z.array(assessment) }) },
  listAssessments: {
    params: slugParams,
    query: asOfQuery.extend({ worksite: id('worksite').optional(), level: z.enum(['1', '2', '3', '4', '5', 'unknown']).optional() }),
    response: z.object({ asOf: day, people: z.array(assessedPerson) }),
  },
  summarizeAssessments: { params: slugParams, query: asOfQuery, response: assessmentSummary },
  viewWallChart: { params: slugParams, query: asOfQuery, response: wallChart },

  // conversations and tasks
  logConversation: {
    params: personParams,
    body: z
      .object({
        /** When it happened, with the time. Give this or `occurredOn`, not both; neither means now. */
        occurredAt: instantInput.optional(),
        /** The day it happened, when the time is not known (YYYY-MM-DD, the campaign's calendar). */
        occurredOn: day.optional(),
        channel: z.enum(conversationChannels),
        issues: z.array(issue).max(20).default([]),
        notes: z.string().trim().max(10_000).default(''),
        nextStep: z.string().trim().max(1000).default(''),
        followUps: z.array(followUp).max(10).default([]),
      })
      .refine((b) => b.occurredAt === undefined || b.occurredOn === undefined, { message: 'give occurredAt (a date and time) or occurredOn (a date only), not both', path: ['occurredOn'] }),
    response: z.object({ conversation, tasks: z.array(task) }),
  },
  listConversations: { params: personParams, response: z.object({ conversations: z.array(conversation) }) },
  listConversationOptions: { params: slugParams, response: z.object({ issues: z.array(z.string()), channels: z.array(z.enum(conversationChannels)) }) },
  createTask: {
    params: slugParams,
    body: followUp.extend({ personId: id('person').nullable().default(null) }),
    response: z.object({ task }),
  },
  updateTask: {
    params: taskParams,
    body: z.object({ title: taskTitle.optional(), dueDate: day.nullable().optional(), assigneeAccountId: id('account').nullable().optional(), done: z.boolean().optional() }),
    response: z.object({ task }),
  },
  listMyTasks: { query: z.object({ includeDone: z.enum(['true', 'false']).default('false') }), response: z.object({ tasks: z.array(myTask) }) },

  // committee lists and coverage
  listCommitteeLists: { params: slugParams, response: z.object({ lists: z.array(committeeList) }) },
  listCommitteeMembers: { params: slugParams, response: z.object({ members: z.array(committeeMember) }) },
  assignToCommitteeList: {
    params: committeeListParams,
    body: z.object({ personIds: z.array(id('person')).min(1).max(1000) }),
    response: z.object({ assigned: z.number().int() }),
  },
  removeFromCommitteeList: { params: committeeListPersonParams, response: z.object({ removed: z.literal(true) }) },
  viewCoverage: { params: slugParams, query: z.object({ worksite: id('worksite').optional() }), response: z.object({ worksites: z.array(worksiteCoverage) }) },
} as const;
