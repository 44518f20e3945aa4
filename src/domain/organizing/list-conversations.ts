import type { ConversationRow } from '../../db/repositories/organizing-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson } from '../people/person-access.js';

/** Every conversation with one person, newest first. Their notes are personal: the view is audited. */
export async function listConversations(ctx: CommandContext, input: { slug: string; personId: string }): Promise<ConversationRow[]> {
  const access = await ctx.authorize(input.slug, 'conversations.view');
  await authorizePerson(ctx, access, input.personId, 'conversations.view');
  const rows = await ctx.repos.organizing.conversationsOf(input.personId);
  await ctx.audit('conversations.list_viewed', { subject: { type: 'person', id: input.personId }, details: { view: 'history', count: rows.length } });
  return rows;
}
