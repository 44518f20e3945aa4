import type { MailRow } from '../../db/repositories/mail-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * The latest messages, sent or held in the local outbox. They carry one-time sign-in links, so
 * reading them is audited like any view of sensitive data, and the row commits before they leave.
 */
export async function listOutbox(ctx: CommandContext, input: { limit: number }): Promise<MailRow[]> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  await ctx.audit('outbox.viewed', { campaignId: null });
  return ctx.repos.mail.list(input.limit);
}
