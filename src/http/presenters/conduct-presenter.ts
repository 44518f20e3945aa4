import type { Agent, Attachment, ConductOptions, Incident, Provision, StatusChange } from '../../contracts/conduct.js';
import type { AgentRow, AttachmentMeta, ProvisionRow, StatusChange as StatusChangeRow } from '../../db/repositories/conduct-repository.js';
import type { IncidentView } from '../../domain/conduct/incident-view.js';
import type { ConductOptions as ConductOptionsModel } from '../../domain/conduct/load-conduct-options.js';
import { agentRoleLabels, agentRoles, conductKinds, describeStatus, incidentStatuses, kindLabels, statusLabels } from '../../domain/conduct/conduct-vocabulary.js';

export function presentAttachment(slug: string, a: AttachmentMeta): Attachment {
  return {
    id: a.id,
    filename: a.filename,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    description: a.description,
    uploadedAt: a.uploadedAt.toISOString(),
    url: `/api/campaigns/${encodeURIComponent(slug)}/conduct/attachments/${a.id}`,
  };
}

export function presentAgent(a: AgentRow): Agent {
  return { id: a.id, name: a.name, role: a.role, roleLabel: agentRoleLabels[a.role], title: a.title, worksiteId: a.worksiteId };
}

export function presentProvision(p: ProvisionRow): Provision {
  return { id: p.id, jurisdiction: p.jurisdiction, code: p.code, title: p.title, description: p.description, deadlineMonths: p.deadlineMonths, defaultKinds: p.defaultKinds, builtIn: p.campaignId === null };
}

/** The forms' and filters' choices, with the words the app shows for each code. */
export function presentConductOptions(o: ConductOptionsModel): ConductOptions {
  return {
    today: o.today,
    jurisdiction: o.jurisdiction,
    kinds: conductKinds.map((value) => ({ value, label: kindLabels[value] })),
    statuses: incidentStatuses.map((value) => ({ value, label: statusLabels[value] })),
    agentRoles: agentRoles.map((value) => ({ value, label: agentRoleLabels[value] })),
    agents: o.agents.map(presentAgent),
    provisions: o.provisions.map(presentProvision),
    worksites: o.worksites,
  };
}

export function presentIncident(slug: string, i: IncidentView): Incident {
  return {
    id: i.id,
    occurredOn: i.occurredOn,
    occurredTime: i.occurredTime,
    kind: i.kind,
    kindLabel: kindLabels[i.kind],
    title: i.title,
    description: i.description,
    status: i.status,
    statusLabel: describeStatus(i.status, i.chargeNumber),
    chargeNumber: i.chargeNumber,
    provisionsChosen: i.provisionsChosen,
    deadline: i.deadline,
    worksites: i.worksites,
    agents: i.agents.map((a) => ({ ...a, roleLabel: agentRoleLabels[a.role] })),
    witnesses: i.witnesses,
    provisions: i.provisions,
    attachments: i.attachments.map((a) => presentAttachment(slug, a)),
    quotes: i.quotes,
    recordedBy: i.recordedBy,
    reportedBy: i.reportedBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function presentStatusChange(c: StatusChangeRow): StatusChange {
  return { status: c.status, statusLabel: describeStatus(c.status, c.chargeNumber), chargeNumber: c.chargeNumber, note: c.note, changedAt: c.changedAt.toISOString(), changedBy: c.changedBy };
}

/** An incident with the steps it went through (logged, shared with counsel, charge filed, …). */
export function presentIncidentWithHistory(slug: string, view: { incident: IncidentView; history: StatusChangeRow[] }): { incident: Incident; history: StatusChange[] } {
  return { incident: presentIncident(slug, view.incident), history: view.history.map(presentStatusChange) };
}
