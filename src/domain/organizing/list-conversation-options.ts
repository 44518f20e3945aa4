import { conversationChannels, suggestedIssues } from '../../vocabulary/organizing.js';
import type { CommandContext } from '../commands/command-context.js';

/** What the conversation form offers: the channels, and the issues educators raise most. */
export async function listConversationOptions(ctx: CommandContext, input: { slug: string }): Promise<{ issues: readonly string[]; channels: typeof conversationChannels }> {
  await ctx.authorize(input.slug, 'conversations.view');
  return { issues: suggestedIssues, channels: conversationChannels };
}
