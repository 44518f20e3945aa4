import type { AuditEventRow, AuditFilter } from '../../db/repositories/audit-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

export type ListAuditEventsInput = Omit<AuditFilter, 'campaignId' | 'memberOf' | 'from' | 'to'> & { allCampaigns: boolean };

/**
 * The server's audit log, newest first, for instance admins: sign-ins and accounts (which belong to
 * no campaign) and the campaigns they are a member of. A campaign's entries name who looked at
 * whom; an instance admin who reads every campaign's says so, and that reading is itself recorded,
 * as for the outbox. The view's own row is written after the read, so it shows from the next one.
 */
export async function listAuditEvents(ctx: CommandContext, input: ListAuditEventsInput): Promise<AuditEventRow[]> {
  const admin = await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const everything = !admin || input.allCampaigns;
  const rows = await ctx.repos.audit.list({
    action: input.action,
    actorAccountId: input.actorAccountId,
    beforeId: input.beforeId,
    limit: input.limit,
    ...(everything ? {} : { memberOf: admin.id }),
  });
  await ctx.audit(everything ? 'audit.viewed_all_campaigns' : 'audit.viewed', { campaignId: null, details: { count: rows.length } });
  return rows;
}
