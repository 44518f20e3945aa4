import type { AuditEventRow, AuditFilter } from '../../db/repositories/audit-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** The whole audit log, sign-ins (which belong to no campaign) included, newest first: instance admins only. */
export async function listAuditEvents(ctx: CommandContext, input: Omit<AuditFilter, 'campaignId' | 'from' | 'to'>): Promise<AuditEventRow[]> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  return ctx.repos.audit.list({ action: input.action, actorAccountId: input.actorAccountId, beforeId: input.beforeId, limit: input.limit });
}
