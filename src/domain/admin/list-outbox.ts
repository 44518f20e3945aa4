import type { MailRow } from '../../db/repositories/mail-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * The latest messages, sent or held in the local outbox. They carry one-time sign-in links, so
 * reading them is audited like any view of sensitive data, and the row commits before they leave.
 */
export async function listOutbox(ctx: CommandContext, input: { limit: number; allCampaigns: boolean }): Promise<MailRow[]> {
  const admin = await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  // A campaign's mail (card confirmations name their signers) is shown to that campaign's members;
  // an instance admin who looks across campaigns says so, and the audit row says so too.
  if (!admin || input.allCampaigns) {
    await ctx.audit('outbox.viewed_all_campaigns', { campaignId: null });
    return ctx.repos.mail.list(input.limit, 'all');
  }
  await ctx.audit('outbox.viewed', { campaignId: null });
  return ctx.repos.mail.list(input.limit, { memberOf: admin.id });
}
