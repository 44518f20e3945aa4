import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { AgentRole, ConductKind, IncidentWrite, ProvisionRow, QuoteInput } from '../../db/repositories/conduct-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { findOrCreateAgent } from './find-or-create-agent.js';

export type IncidentQuoteInput = {
  text: string;
  speakerAgentId: string | null;
  /** A speaker added with this incident: the index into `newAgents`. */
  speakerNewAgent?: number | null;
  source: string;
  attachmentId: string | null;
  pageFrom: number | null;
  pageTo: number | null;
};

/** What an organizer writes about an incident (log or edit). Ids are checked against the campaign. */
export type IncidentInput = {
  occurredOn: string;
  occurredTime: string | null;
  kind: ConductKind;
  title: string;
  description: string;
  worksiteIds: string[];
  agentIds: string[];
  /** People acting for the employer who are not listed yet: saved with the incident, not before. */
  newAgents?: { name: string; role: AgentRole; title: string }[];
  witnessIds: string[];
  /** Omitted: the default provisions of the kind in the campaign's jurisdiction. */
  provisionIds?: string[];
  attachmentIds: string[];
  quotes: IncidentQuoteInput[];
  reportedBy: { type: 'account' | 'person'; id: string } | null;
};

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** The provisions cited by default for a kind of conduct. */
function defaultProvisionIds(provisions: readonly Pick<ProvisionRow, 'id' | 'defaultKinds'>[], kind: ConductKind): string[] {
  return provisions.filter((p) => p.defaultKinds.includes(kind)).map((p) => p.id);
}

/**
 * Checks every reference of the input against the campaign (400 with the fields, before anything
 * is written), then adds the new agents and returns the incident as the repository writes it.
 */
export async function prepareIncidentWrite(ctx: CommandContext, campaign: CampaignRow, input: IncidentInput): Promise<IncidentWrite> {
  const { conduct } = ctx.repos;
  const problems: FieldProblem[] = [];
  const newAgents = input.newAgents ?? [];
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
    const newSpeaker = q.speakerNewAgent ?? null;
    if (newSpeaker !== null && newSpeaker >= newAgents.length) problems.push({ field: `body.quotes.${i}.speakerNewAgent`, reason: 'is not one of newAgents' });
    if (newSpeaker !== null && q.speakerAgentId !== null) problems.push({ field: `body.quotes.${i}.speakerNewAgent`, reason: 'cannot be given with speakerAgentId' });
    if (q.pageTo !== null && q.pageFrom === null) problems.push({ field: `body.quotes.${i}.pageFrom`, reason: 'is required with pageTo' });
    if (q.pageTo !== null && q.pageFrom !== null && q.pageTo < q.pageFrom) problems.push({ field: `body.quotes.${i}.pageTo`, reason: 'must not be before pageFrom' });
  });
  if (input.occurredOn > ctx.today(campaign)) problems.push({ field: 'body.occurredOn', reason: 'is in the future' });

  const provisions = await conduct.listProvisions(campaign.id, campaign.jurisdiction);
  let provisionIds: string[];
  if (input.provisionIds === undefined) {
    provisionIds = defaultProvisionIds(provisions, input.kind);
  } else {
    check('body.provisionIds', input.provisionIds, new Set(provisions.map((p) => p.id)));
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

  // Only now, with the incident known to be valid, are new agents added: in this transaction, so
  // an incident that is never saved leaves no agent behind.
  const newAgentIds: string[] = [];
  for (const agent of newAgents) newAgentIds.push((await findOrCreateAgent(ctx, campaign.id, { ...agent, worksiteId: null })).agent.id);
  const quotes: QuoteInput[] = input.quotes.map(({ speakerNewAgent, ...q }) => ({ ...q, speakerAgentId: speakerNewAgent == null ? q.speakerAgentId : (newAgentIds[speakerNewAgent] ?? null) }));

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
    agentIds: unique([...input.agentIds, ...newAgentIds]),
    witnessIds: unique(input.witnessIds),
    provisionIds,
    // A file a quote cites is part of the incident's evidence even if not listed separately.
    attachmentIds: unique([...input.attachmentIds, ...quoteAttachmentIds]),
    quotes,
  };
}
