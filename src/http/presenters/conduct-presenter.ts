import type { AgentRow, AttachmentMeta, ProvisionRow, StatusChange } from '../../db/repositories/conduct-repository.js';
import type { IncidentView } from '../../domain/conduct/conduct-service.js';
import { agentRoleLabels, describeStatus, kindLabels } from '../../domain/conduct/conduct-vocabulary.js';

export function presentAttachment(slug: string, a: AttachmentMeta) {
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

export function presentAgent(a: AgentRow) {
  return { id: a.id, name: a.name, role: a.role, roleLabel: agentRoleLabels[a.role], title: a.title, worksiteId: a.worksiteId };
}

export function presentProvision(p: ProvisionRow) {
  return { id: p.id, jurisdiction: p.jurisdiction, code: p.code, title: p.title, description: p.description, deadlineMonths: p.deadlineMonths, defaultKinds: p.defaultKinds, builtIn: p.campaignId === null };
}

export function presentIncident(slug: string, i: IncidentView) {
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

export function presentStatusChange(c: StatusChange) {
  return { status: c.status, statusLabel: describeStatus(c.status, c.chargeNumber), chargeNumber: c.chargeNumber, note: c.note, changedAt: c.changedAt.toISOString(), changedBy: c.changedBy };
}
