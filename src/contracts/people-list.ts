import { z } from 'zod';
import { cardFilters, contactFilters, peopleSorts, ratingFilters } from '../vocabulary/people-list.js';
import { id, instant, slugParams, day } from './shared.js';

// The people list (issue 12): filtered, sorted, a page at a time.

const idOrNone = (what: string) => z.union([z.literal('none'), id(what)]);

export const listedPerson = z.object({
  personId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  phone: z.string().nullable(),
  workEmail: z.string().nullable(),
  worksiteId: z.uuid(),
  worksiteName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  jobTitle: z.string(),
  assigneeAccountId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  /** Null when not rated, or when the requester may not see it (`detailHidden`). */
  level: z.number().int().nullable(),
  card: z.enum(cardFilters).nullable(),
  lastContactAt: instant.nullable(),
  detailHidden: z.boolean(),
});
export type ListedPersonResponse = z.infer<typeof listedPerson>;

const listQuery = z.object({
      search: z.string().trim().max(200).optional(),
      worksiteId: id('worksite').optional(),
      unitId: idOrNone('unit').optional(),
      assigneeAccountId: idOrNone('account').optional(),
      rating: z.enum(ratingFilters).optional(),
      card: z.enum(cardFilters).optional(),
      lastContact: z.enum(contactFilters).optional(),
      sort: z.enum(peopleSorts).default('name'),
      after: z.string().max(2000).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What a saved view keeps: the list's filters and sort, never a cursor or a page size. */
export const savedViewQuery = listQuery.omit({ after: true, limit: true }).partial().strict();

export const savedPeopleView = z.object({ id: z.uuid(), name: z.string(), query: savedViewQuery, createdAt: instant });
export type SavedPeopleViewResponse = z.infer<typeof savedPeopleView>;

export const peopleListContract = {
  listPeople: {
    params: slugParams,
    query: listQuery,
    response: z.object({ asOf: day, people: z.array(listedPerson), next: z.string().nullable() }),
  },
  listSavedPeopleViews: {
    params: slugParams,
    response: z.object({ views: z.array(savedPeopleView) }),
  },
  savePeopleView: {
    params: slugParams,
    body: z.object({ name: z.string().trim().min(1, 'is required').max(80), query: savedViewQuery }).strict(),
    response: savedPeopleView,
  },
  deleteSavedPeopleView: {
    params: slugParams.extend({ viewId: id('saved view') }),
    response: z.object({ id: z.uuid(), deleted: z.boolean() }),
  },
} as const;
