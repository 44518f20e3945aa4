import { z } from 'zod';
import { jurisdictions } from '../vocabulary/campaigns.js';
import { agentRoles, conductKinds, incidentStatuses } from '../vocabulary/conduct.js';
import { day, id, instant, slugParams } from './shared.js';

// The organizer API of the evidence locker (employer conduct): what each route takes and answers.

export const incidentParams = slugParams.extend({ id: id('incident') });
export const attachmentParams = slugParams.extend({ id: id('attachment') });

const kind = z.enum(conductKinds, { error: 'is not a kind of conduct this app knows' });
const status = z.enum(incidentStatuses, { error: 'is not a status this app knows' });
const agentRole = z.enum(agentRoles, { error: 'is not a role this app knows' });
const ids = (what: string, max: number) => z.array(id(what)).max(max).default([]);
const page = z.number().int().min(1).max(100_000).nullable().default(null);
const named = z.object({ id: z.uuid(), name: z.string() });

const option = <T extends readonly [string, ...string[]]>(values: T) => z.object({ value: z.enum(values), label: z.string() });

export const agent = z.object({ id: z.uuid(), name: z.string(), role: z.enum(agentRoles), roleLabel: z.string(), title: z.string(), worksiteId: z.uuid().nullable() });
export type Agent = z.infer<typeof agent>;

export const provision = z.object({
  id: z.uuid(),
  jurisdiction: z.enum(jurisdictions),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  deadlineMonths: z.number().int(),
  defaultKinds: z.array(z.enum(conductKinds)),
  builtIn: z.boolean(),
});
export type Provision = z.infer<typeof provision>;

export const attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  description: z.string(),
  uploadedAt: instant,
  /** Where the app downloads the file (GET, audited). */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const chargeDeadline = z.object({ deadline: day, daysLeft: z.number().int(), level: z.enum(['ok', 'warning', 'expired', 'filed']) });

export const quote = z.object({
  id: z.uuid(),
  position: z.number().int(),
  text: z.string(),
  speaker: named.nullable(),
  source: z.string(),
  attachmentId: z.uuid().nullable(),
  pageFrom: z.number().int().nullable(),
  pageTo: z.number().int().nullable(),
});

export const incident = z.object({
  id: z.uuid(),
  occurredOn: day,
  occurredTime: z.string().nullable(),
  kind: z.enum(conductKinds),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(incidentStatuses),
  statusLabel: z.string(),
  chargeNumber: z.string().nullable(),
  provisionsChosen: z.boolean(),
  deadline: chargeDeadline,
  worksites: z.array(named),
  agents: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(agentRoles), roleLabel: z.string(), title: z.string() })),
  witnesses: z.array(named),
  provisions: z.array(z.object({ id: z.uuid(), jurisdiction: z.enum(jurisdictions), code: z.string(), title: z.string(), deadlineMonths: z.number().int() })),
  attachments: z.array(attachment),
  quotes: z.array(quote),
  recordedBy: named.nullable(),
  reportedBy: z.object({ type: z.enum(['account', 'person']), id: z.uuid(), name: z.string() }).nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Incident = z.infer<typeof incident>;

export const statusChange = z.object({ status: z.enum(incidentStatuses), statusLabel: z.string(), chargeNumber: z.string().nullable(), note: z.string(), changedAt: instant, changedBy: z.string().nullable() });
export type StatusChange = z.infer<typeof statusChange>;

export const conductOptions = z.object({
  today: day,
  jurisdiction: z.enum(jurisdictions),
  kinds: z.array(option(conductKinds)),
  statuses: z.array(option(incidentStatuses)),
  agentRoles: z.array(option(agentRoles)),
  agents: z.array(agent),
  provisions: z.array(provision),
  worksites: z.array(named),
});
export type ConductOptions = z.infer<typeof conductOptions>;

const quoteBody = z.object({
  text: z.string().trim().min(1, 'is required').max(5000),
  speakerAgentId: id('agent').nullable().default(null),
  /** A speaker first named in this request: the index of the person in `newAgents`. */
  speakerNewAgent: z.number().int().min(0).max(99).nullable().default(null),
  source: z.string().trim().max(500).default(''),
  attachmentId: id('attachment').nullable().default(null),
  pageFrom: page,
  pageTo: page,
});

const newAgentBody = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  role: agentRole,
  title: z.string().trim().max(200).default(''),
});

export const incidentBody = z.object({
  occurredOn: day,
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM')
    .nullable()
    .default(null),
  kind,
  title: z.string().trim().min(1, 'is required').max(300),
  description: z.string().trim().max(20_000).default(''),
  worksiteIds: ids('worksite', 200),
  agentIds: ids('agent', 100),
  /** People acting for the employer not listed yet: added with the incident (a name already listed is that agent). */
  newAgents: z.array(newAgentBody).max(20).default([]),
  witnessIds: ids('person', 200),
  /** Omitted: the usual provisions for the kind of conduct. */
  provisionIds: z.array(id('provision')).max(50).optional(),
  attachmentIds: ids('attachment', 100),
  quotes: z.array(quoteBody).max(100).default([]),
  reportedBy: z
    .object({ type: z.enum(['account', 'person']), id: z.uuid('is not an id') })
    .nullable()
    .default(null),
});

export const timelineQuery = z.object({
  worksite: id('worksite').optional(),
  kind: kind.optional(),
  actor: id('agent').optional(),
  provision: id('provision').optional(),
  status: status.optional(),
  from: day.optional(),
  to: day.optional(),
});

const incidentWithHistory = z.object({ incident, history: z.array(statusChange) });

export const conductContract = {
  loadConductOptions: { params: slugParams, response: conductOptions },
  listAgents: { params: slugParams, response: z.object({ agents: z.array(agent) }) },
  addAgent: {
    params: slugParams,
    body: z.object({ name: z.string().trim().min(1, 'is required').max(200), role: agentRole, title: z.string().trim().max(200).default(''), worksiteId: id('worksite').nullable().default(null) }),
    /** 201 with a new agent; 200 with the one already listed under that name. */
    response: z.object({ agent, created: z.boolean() }),
  },
  listProvisions: { params: slugParams, response: z.object({ jurisdiction: z.enum(jurisdictions), provisions: z.array(provision) }) },
  addProvision: {
    params: slugParams,
    body: z.object({
      code: z.string().trim().min(1, 'is required').max(80),
      title: z.string().trim().min(1, 'is required').max(200),
      description: z.string().trim().max(5000).default(''),
      deadlineMonths: z.number().int().min(1).max(120).default(6),
      defaultKinds: z.array(kind).max(conductKinds.length).default([]),
    }),
    response: z.object({ provision }),
  },
  listAttachments: { params: slugParams, response: z.object({ attachments: z.array(attachment) }) },
  /** multipart/form-data: `description` (optional, first), then `file`. */
  uploadAttachment: { params: slugParams, response: z.object({ attachment }) },
  viewAttachment: { params: attachmentParams, query: z.object({ download: z.enum(['0', '1']).optional() }) },
  listIncidents: { params: slugParams, query: timelineQuery, response: z.object({ today: day, truncated: z.boolean(), incidents: z.array(incident) }) },
  logIncident: { params: slugParams, body: incidentBody, response: z.object({ incident }) },
  viewIncident: { params: incidentParams, response: incidentWithHistory },
  updateIncident: { params: incidentParams, body: incidentBody, response: z.object({ incident }) },
  changeIncidentStatus: {
    params: incidentParams,
    body: z.object({ status, chargeNumber: z.string().trim().min(1).max(80).nullable().default(null), note: z.string().trim().max(2000).default('') }),
    response: incidentWithHistory,
  },
  exportChronology: { params: slugParams, query: timelineQuery },
  exportExhibits: { params: slugParams, query: timelineQuery },
} as const;
