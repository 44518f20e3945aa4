import { z } from 'zod';
import { jurisdictions } from '../vocabulary/campaigns.js';
import { day, role, slugParams } from './shared.js';

// The organizer API of a campaign itself: its detail, its roster on a day (and the export), and
// who is on its staff with which role.

export const campaignSummary = z.object({
  slug: z.string(),
  name: z.string(),
  statement: z.string(),
  jurisdiction: z.enum(jurisdictions),
  goalPercent: z.number().int(),
  isDefault: z.boolean(),
  /** The requester's role in it. */
  role: role.optional(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const campaignDetail = z.object({
  campaign: campaignSummary,
  worksites: z.array(z.object({ id: z.uuid(), name: z.string(), city: z.string().nullable() })),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), description: z.string() })),
  /** A committee member's own worksites (empty for other roles). */
  myWorksiteIds: z.array(z.uuid()),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const rosterPerson = z.object({
  personId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  workEmail: z.string().nullable(),
  employeeId: z.string().nullable(),
  worksiteId: z.uuid(),
  worksiteName: z.string(),
  jobTitle: z.string(),
  unitName: z.string().nullable(),
});
export type RosterPerson = z.infer<typeof rosterPerson>;

export const member = z.object({ accountId: z.uuid(), email: z.string(), name: z.string(), role, worksiteIds: z.array(z.uuid()) });
export type Member = z.infer<typeof member>;

const rosterQuery = z.object({ asOf: day.optional() });

export const campaignsContract = {
  viewCampaign: { params: slugParams, response: campaignDetail },
  listRoster: { params: slugParams, query: rosterQuery, response: z.object({ asOf: day, people: z.array(rosterPerson) }) },
  exportRoster: { params: slugParams, query: rosterQuery },
  listMembers: { params: slugParams, response: z.object({ members: z.array(member) }) },
  setMembership: {
    params: slugParams.extend({ accountId: z.uuid('is not an account id') }),
    body: z.object({ role, worksiteIds: z.array(z.uuid('is not a worksite id')).max(1000).default([]) }),
    response: z.object({ accountId: z.uuid(), role, worksiteIds: z.array(z.uuid()) }),
  },
  removeMember: {
    params: slugParams.extend({ accountId: z.uuid('is not an account id') }),
    response: z.object({ accountId: z.uuid(), removed: z.boolean() }),
  },
} as const;
