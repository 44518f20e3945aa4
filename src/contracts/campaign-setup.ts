import { z } from 'zod';
import { jurisdictions } from '../vocabulary/campaigns.js';
import { cardText } from './cards.js';
import { campaignSummary } from './campaigns.js';
import { day, id, slugParams, timeZone } from './shared.js';

// Starting a campaign and changing what set-up entered: the campaign's settings, its employers,
// schools and bargaining units (the card text has its own operations in cards.ts).

const settingsFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  statement: z.string().max(5000),
  statementEs: z.string().max(5000),
  timeZone,
  goalPercent: z.number().int().min(51, 'must be at least 51 (a majority)').max(100),
  cardValidityMonths: z.number().int().min(1).max(24),
  jurisdiction: z.enum(jurisdictions),
  mailSenderName: z.string().max(120).nullable(),
  mailReplyTo: z.email('is not an email address').max(254).nullable().or(z.literal('').transform(() => null)),
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/u, 'must be a color like #a3161a'),
};

export const campaignSettings = z.object({
  slug: z.string(),
  name: z.string(),
  statement: z.string(),
  /** The statement in Spanish (empty: Spanish readers see the English one). */
  statementEs: z.string(),
  timeZone: z.string(),
  goalPercent: z.number().int(),
  cardValidityMonths: z.number().int(),
  jurisdiction: z.enum(jurisdictions),
  mailSenderName: z.string().nullable(),
  mailReplyTo: z.string().nullable(),
  brandColor: z.string(),
});
export type CampaignSettings = z.infer<typeof campaignSettings>;

export const setupEmployer = z.object({ id: z.uuid(), name: z.string(), jurisdiction: z.enum(jurisdictions), emailDomains: z.array(z.string()) });
export type SetupEmployer = z.infer<typeof setupEmployer>;
export const setupWorksite = z.object({ id: z.uuid(), name: z.string(), city: z.string().nullable(), employerId: z.uuid() });
export type SetupWorksite = z.infer<typeof setupWorksite>;
export const setupUnit = z.object({ id: z.uuid(), name: z.string(), description: z.string(), jobTitles: z.array(z.string()), appliesFrom: day.nullable() });
export type SetupUnit = z.infer<typeof setupUnit>;

export const campaignSetup = z.object({
  settings: campaignSettings,
  employers: z.array(setupEmployer),
  worksites: z.array(setupWorksite),
  units: z.array(setupUnit),
  cardTexts: z.array(cardText),
  /** How this server sends mail (read-only here: set in its configuration). */
  mail: z.object({ from: z.string(), dkim: z.object({ domain: z.string(), selector: z.string() }).nullable() }),
});
export type CampaignSetup = z.infer<typeof campaignSetup>;

const worksiteLine = z.object({ name: z.string().max(200), city: z.string().max(120).nullable().optional(), employer: z.string().max(200).nullable().optional() });

const employerParams = slugParams.extend({ employerId: id('employer') });
const worksiteParams = slugParams.extend({ worksiteId: id('school') });
const unitParams = slugParams.extend({ unitId: id('unit') });
const removedRow = z.object({ id: z.uuid(), name: z.string() });

export const campaignSetupContract = {
  createCampaign: {
    body: z.object({
      slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lower-case letters, digits and dashes (e.g. oakland-charter-educators)').max(60),
      ...settingsFields,
      statement: settingsFields.statement.optional(),
      statementEs: settingsFields.statementEs.optional(),
      timeZone: settingsFields.timeZone.optional(),
      goalPercent: settingsFields.goalPercent.optional(),
      cardValidityMonths: settingsFields.cardValidityMonths.optional(),
      jurisdiction: settingsFields.jurisdiction.optional(),
      mailSenderName: settingsFields.mailSenderName.optional(),
      mailReplyTo: settingsFields.mailReplyTo.optional(),
      brandColor: settingsFields.brandColor.optional(),
    }),
    response: z.object({ campaign: campaignSummary }),
  },
  viewCampaignSetup: { params: slugParams, response: campaignSetup },
  updateCampaignSettings: { params: slugParams, body: z.object(settingsFields).partial(), response: z.object({ settings: campaignSettings }) },
  addEmployer: {
    params: slugParams,
    body: z.object({ name: settingsFields.name, jurisdiction: z.enum(jurisdictions).optional(), emailDomains: z.array(z.string().max(253)).max(50).default([]) }),
    response: z.object({ employer: setupEmployer }),
  },
  addWorksites: {
    params: slugParams,
    // One by one (`worksites`) or pasted (`list`: a line per school, "name, city, employer").
    body: z.object({ worksites: z.array(worksiteLine).max(2000).optional(), list: z.string().max(200_000).optional() }).refine((b) => b.worksites !== undefined || b.list !== undefined, { message: 'give worksites or a list', path: ['worksites'] }),
    response: z.object({ worksites: z.array(setupWorksite) }),
  },
  addBargainingUnit: {
    params: slugParams,
    body: z.object({ name: settingsFields.name, description: z.string().max(2000).optional(), jobTitles: z.array(z.string().max(200)).max(500).default([]), appliesFrom: day.optional() }),
    response: z.object({ unit: setupUnit }),
  },
  // Changing set-up later: each row by its id. Removal is refused (409 `in_use`) while anything
  // still names the row, and the error's fields say what.
  updateEmployer: {
    params: employerParams,
    body: z.object({ name: settingsFields.name, jurisdiction: z.enum(jurisdictions), emailDomains: z.array(z.string().max(253)).max(50) }).partial(),
    response: z.object({ employer: setupEmployer }),
  },
  removeEmployer: { params: employerParams, response: z.object({ removed: removedRow }) },
  updateWorksite: {
    params: worksiteParams,
    body: z.object({ name: settingsFields.name, city: z.string().max(120).nullable(), employerId: id('employer') }).partial(),
    response: z.object({ worksite: setupWorksite }),
  },
  removeWorksite: { params: worksiteParams, response: z.object({ removed: removedRow }) },
  updateBargainingUnit: {
    params: unitParams,
    body: z.object({ name: settingsFields.name, description: z.string().max(2000), jobTitles: z.array(z.string().max(200)).max(500), appliesFrom: day.nullable() }).partial(),
    response: z.object({ unit: setupUnit }),
  },
  removeBargainingUnit: { params: unitParams, response: z.object({ removed: removedRow }) },
  removeDemo: { response: z.object({ removed: z.boolean() }) },
} as const;
