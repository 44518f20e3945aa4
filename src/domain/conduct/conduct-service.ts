import { createHash } from 'node:crypto';
import type { AgentRole, AttachmentMeta, ConductKind, ConductRepository, IncidentFilter, IncidentRecord, IncidentStatus, IncidentWrite, Jurisdiction, ProvisionRow } from '../../db/repositories/conduct-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import { computeChargeDeadline, deadlineMonthsFor, type ChargeDeadline } from './charge-deadline.js';
import { numberExhibits } from './exhibits.js';

export type CampaignRef = { id: string; jurisdiction: Jurisdiction };

export type IncidentInput = {
  occurredOn: string;
  occurredTime: string | null;
  kind: ConductKind;
  title: string;
  description: string;
  worksiteIds: string[];
  agentIds: string[];
  witnessIds: string[];
  /** Omitted: the default provisions of the kind in the campaign's jurisdiction. */
  provisionIds?: string[];
  attachmentIds: string[];
  quotes: { text: string; speakerAgentId: string | null; source: string; attachmentId: string | null; pageFrom: number | null; pageTo: number | null }[];
  reportedBy: { type: 'account' | 'person'; id: string } | null;
};

export type IncidentView = IncidentRecord & { deadline: ChargeDeadline };

export type Chronology = { generatedAt: Date; asOf: string; incidents: IncidentView[]; exhibits: { number: number; attachment: AttachmentMeta }[] };

/** Uploads larger than this are refused (evidence is memos, photos and email exports). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A filename safe to store and to put in a ZIP: no directories, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

/** The provisions cited by default for a kind of conduct. */
export function defaultProvisionIds(provisions: readonly Pick<ProvisionRow, 'id' | 'defaultKinds'>[], kind: ConductKind): string[] {
  return provisions.filter((p) => p.defaultKinds.includes(kind)).map((p) => p.id);
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

export function createConductService(deps: { conduct: ConductRepository; now: () => Date }) {
  const { conduct } = deps;
  // The UTC date is never earlier than the local date in the Americas, so days left are counted
  // conservatively (never one day too many).
  const today = (): string => deps.now().toISOString().slice(0, 10);

  const decorate = (record: IncidentRecord, asOf: string): IncidentView => ({
    ...record,
    deadline: computeChargeDeadline({ occurredOn: record.occurredOn, months: deadlineMonthsFor(record.provisions.map((p) => p.deadlineMonths)), today: asOf, status: record.status }),
  });

  /** Checks every reference of the input against the campaign; 400 with the fields otherwise. */
  async function resolve(campaign: CampaignRef, input: IncidentInput): Promise<IncidentWrite> {
    const problems: FieldProblem[] = [];
    const quoteAttachmentIds = input.quotes.map((q) => q.attachmentId).filter((v): v is string => v !== null);
    const speakerIds = input.quotes.map((q) => q.speakerAgentId).filter((v): v is string => v !== null);
    const known = await conduct.findKnownIds(campaign.id, {
      worksiteIds: unique(input.worksiteIds),
      agentIds: unique([...input.agentIds, ...speakerIds]),
      personIds: unique([...input.witnessIds, ...(input.reportedBy?.type === 'person' ? [input.reportedBy.id] : [])]),
      attachmentIds: unique([...input.attachmentIds, ...quoteAttachmentIds]),
    });
    const check = (field: string, ids: readonly string[], set: Set<string>): void => {
      const missing = unique(ids).filter((id) => !set.has(id));
      if (missing.length > 0) problems.push({ field, reason: `not in this campaign: ${missing.join(', ')}` });
    };
    check('body.worksiteIds', input.worksiteIds, known.worksiteIds);
    check('body.agentIds', input.agentIds, known.agentIds);
    check('body.witnessIds', input.witnessIds, known.personIds);
    check('body.attachmentIds', input.attachmentIds, known.attachmentIds);
    input.quotes.forEach((q, i) => {
      if (q.attachmentId && !known.attachmentIds.has(q.attachmentId)) problems.push({ field: `body.quotes.${i}.attachmentId`, reason: 'not in this campaign' });
      if (q.speakerAgentId && !known.agentIds.has(q.speakerAgentId)) problems.push({ field: `body.quotes.${i}.speakerAgentId`, reason: 'not in this campaign' });
      if (q.pageTo !== null && q.pageFrom === null) problems.push({ field: `body.quotes.${i}.pageFrom`, reason: 'is required with pageTo' });
      if (q.pageTo !== null && q.pageFrom !== null && q.pageTo < q.pageFrom) problems.push({ field: `body.quotes.${i}.pageTo`, reason: 'must not be before pageFrom' });
    });
    if (input.occurredOn > today()) problems.push({ field: 'body.occurredOn', reason: 'is in the future' });

    const provisions = await conduct.listProvisions(campaign.id, campaign.jurisdiction);
    let provisionIds: string[];
    if (input.provisionIds === undefined) {
      provisionIds = defaultProvisionIds(provisions, input.kind);
    } else {
      const allowed = new Set(provisions.map((p) => p.id));
      check('body.provisionIds', input.provisionIds, allowed);
      provisionIds = unique(input.provisionIds);
    }

    let reportedByAccountId: string | null = null;
    let reportedByPersonId: string | null = null;
    if (input.reportedBy?.type === 'person') {
      if (!known.personIds.has(input.reportedBy.id)) problems.push({ field: 'body.reportedBy.id', reason: 'is not a person in this campaign' });
      reportedByPersonId = input.reportedBy.id;
    } else if (input.reportedBy?.type === 'account') {
      if (!(await conduct.isCampaignAccount(campaign.id, input.reportedBy.id))) problems.push({ field: 'body.reportedBy.id', reason: 'is not a member of this campaign' });
      reportedByAccountId = input.reportedBy.id;
    }
    if (problems.length > 0) throw new AppError('validation_failed', `Some fields are not valid: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, problems);

    return {
      occurredOn: input.occurredOn,
      occurredTime: input.occurredTime,
      kind: input.kind,
      title: input.title,
      description: input.description,
      provisionsChosen: input.provisionIds !== undefined,
      reportedByAccountId,
      reportedByPersonId,
      worksiteIds: unique(input.worksiteIds),
      agentIds: unique(input.agentIds),
      witnessIds: unique(input.witnessIds),
      provisionIds,
      // A file a quote cites is part of the incident's evidence even if not listed separately.
      attachmentIds: unique([...input.attachmentIds, ...quoteAttachmentIds]),
      quotes: input.quotes,
    };
  }

  async function requireIncident(campaign: CampaignRef, id: string): Promise<IncidentRecord> {
    const record = await conduct.findIncident(campaign.id, id);
    if (!record) throw new AppError('not_found', 'No such incident.');
    return record;
  }

  return {
    today,

    async listProvisions(campaign: CampaignRef): Promise<ProvisionRow[]> {
      return conduct.listProvisions(campaign.id, campaign.jurisdiction);
    },

    async addProvision(campaign: CampaignRef, input: { code: string; title: string; description: string; deadlineMonths: number; defaultKinds: ConductKind[] }): Promise<ProvisionRow> {
      const conflict = new AppError('conflict', 'That provision is already listed.', [{ field: 'body.code', reason: 'already exists' }]);
      const listed = await conduct.listProvisions(campaign.id, campaign.jurisdiction);
      if (listed.some((p) => p.code.toLowerCase() === input.code.toLowerCase())) throw conflict;
      const row = await conduct.createProvision({ campaignId: campaign.id, jurisdiction: campaign.jurisdiction, ...input, defaultKinds: [...new Set(input.defaultKinds)] });
      if (!row) throw conflict;
      return row;
    },

    listAgents: (campaign: CampaignRef) => conduct.listAgents(campaign.id),

    async addAgent(campaign: CampaignRef, input: { name: string; role: AgentRole; title: string; worksiteId: string | null }) {
      if (input.worksiteId) {
        const known = await conduct.findKnownIds(campaign.id, { worksiteIds: [input.worksiteId], agentIds: [], personIds: [], attachmentIds: [] });
        if (!known.worksiteIds.has(input.worksiteId)) throw new AppError('validation_failed', 'That worksite is not in this campaign.', [{ field: 'body.worksiteId', reason: 'not in this campaign' }]);
      }
      return conduct.createAgent({ campaignId: campaign.id, ...input });
    },

    /** Hashes the bytes as received and stores both; the hash is what the manifest will show. */
    async addAttachment(campaign: CampaignRef, input: { filename: string; mediaType: string; description: string; content: Buffer; accountId: string | null }): Promise<AttachmentMeta> {
      if (input.content.length === 0) throw new AppError('validation_failed', 'The file is empty.', [{ field: 'file', reason: 'is empty' }]);
      if (input.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', `Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      return conduct.createAttachment({
        campaignId: campaign.id,
        filename: cleanFilename(input.filename),
        mediaType: input.mediaType.toLowerCase().slice(0, 200) || 'application/octet-stream',
        sizeBytes: input.content.length,
        sha256: sha256Hex(input.content),
        description: input.description,
        uploadedByAccountId: input.accountId,
        content: input.content,
      });
    },

    listAttachments: (campaign: CampaignRef) => conduct.listAttachments(campaign.id),

    async readAttachment(campaign: CampaignRef, id: string): Promise<{ meta: AttachmentMeta; content: Buffer }> {
      const meta = await conduct.findAttachment(campaign.id, id);
      const content = meta ? await conduct.readAttachmentContent(campaign.id, id) : undefined;
      if (!meta || !content) throw new AppError('not_found', 'No such attachment.');
      return { meta, content };
    },

    /** `accountId` is who records it (null for the demo loader); they are the reporter unless another is named. */
    async createIncident(campaign: CampaignRef, input: IncidentInput, accountId: string | null): Promise<IncidentView> {
      const write = await resolve(campaign, { ...input, reportedBy: input.reportedBy ?? (accountId ? { type: 'account', id: accountId } : null) });
      const id = await conduct.createIncident({ ...write, campaignId: campaign.id, recordedByAccountId: accountId, now: deps.now() });
      return decorate(await requireIncident(campaign, id), today());
    },

    async updateIncident(campaign: CampaignRef, id: string, input: IncidentInput): Promise<IncidentView> {
      const existing = await requireIncident(campaign, id);
      const reportedBy = input.reportedBy ?? existing.reportedBy;
      const write = await resolve(campaign, { ...input, reportedBy: reportedBy ? { type: reportedBy.type, id: reportedBy.id } : null });
      await conduct.updateIncident(campaign.id, id, write, deps.now());
      return decorate(await requireIncident(campaign, id), today());
    },

    async changeStatus(campaign: CampaignRef, id: string, change: { status: IncidentStatus; chargeNumber: string | null; note: string }, accountId: string | null): Promise<IncidentView> {
      if (change.status === 'charge_filed' && !change.chargeNumber) {
        throw new AppError('validation_failed', 'A filed charge needs its number.', [{ field: 'body.chargeNumber', reason: 'is required when the status is charge_filed' }]);
      }
      const existing = await requireIncident(campaign, id);
      // A settled or decided charge keeps its number: the case is still known by it.
      const chargeNumber = change.chargeNumber ?? (change.status === 'documented' || change.status === 'shared_with_counsel' ? null : existing.chargeNumber);
      await conduct.changeStatus(campaign.id, id, { ...change, chargeNumber, changedByAccountId: accountId, now: deps.now() });
      return decorate(await requireIncident(campaign, id), today());
    },

    async listTimeline(campaign: CampaignRef, filter: IncidentFilter, limit: number): Promise<IncidentView[]> {
      const asOf = today();
      return (await conduct.listIncidents(campaign.id, filter, limit)).map((r) => decorate(r, asOf));
    },

    async getIncident(campaign: CampaignRef, id: string) {
      const record = await requireIncident(campaign, id);
      return { incident: decorate(record, today()), history: await conduct.listStatusChanges(id) };
    },

    /** The chronology for counsel: incidents in date order and their files numbered as exhibits. */
    async buildChronology(campaign: CampaignRef, filter: IncidentFilter): Promise<Chronology> {
      const asOf = today();
      const incidents = (await conduct.listIncidents(campaign.id, filter, 10_000)).map((r) => decorate(r, asOf));
      const numbers = numberExhibits(incidents);
      const byId = new Map<string, AttachmentMeta>();
      for (const incident of incidents) for (const a of incident.attachments) byId.set(a.id, a);
      for (const id of numbers.keys()) {
        if (!byId.has(id)) {
          const meta = await conduct.findAttachment(campaign.id, id);
          if (meta) byId.set(id, meta);
        }
      }
      const exhibits = [...numbers].flatMap(([id, number]) => {
        const attachment = byId.get(id);
        return attachment ? [{ number, attachment }] : [];
      });
      return { generatedAt: deps.now(), asOf, incidents, exhibits };
    },

    readAttachmentContent: (campaign: CampaignRef, id: string) => conduct.readAttachmentContent(campaign.id, id),

    /** Refuses to export exhibits whose bytes changed after upload, naming them. */
    async verifyExhibits(campaign: CampaignRef, chronology: Chronology): Promise<void> {
      const altered = await conduct.findAlteredAttachments(campaign.id, chronology.exhibits.map((e) => e.attachment.id));
      if (altered.length > 0) {
        const numbers = chronology.exhibits.filter((e) => altered.includes(e.attachment.id)).map((e) => `Exhibit ${e.number}`);
        throw new AppError('conflict', `These files no longer match the hash recorded at upload: ${numbers.join(', ')}. Nothing was exported; tell your administrator.`);
      }
    },
  };
}

export type ConductService = ReturnType<typeof createConductService>;
