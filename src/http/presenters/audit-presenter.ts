import type { auditEvents } from '../../db/schema/index.js';

export function presentAuditEvent(row: typeof auditEvents.$inferSelect) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorEmail: row.actorEmail,
    campaignId: row.campaignId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ip: row.ip,
    details: row.details,
  };
}
