import type { AuditEvent } from '../../contracts/audit.js';
import type { AuditEventRow } from '../../db/repositories/audit-repository.js';

export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorEmail: row.actorEmail,
    actorName: row.actorName,
    actorAccountId: row.actorAccountId,
    campaignId: row.campaignId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ip: row.ip,
    details: row.details,
  };
}
