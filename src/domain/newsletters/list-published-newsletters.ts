import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The public archive: newsletters whose publication time has come, newest first. */
export async function listPublishedNewsletters(ctx: CommandContext, input: { campaignId: string; limit?: number }): Promise<NewsletterRow[]> {
  return ctx.repos.newsletters.listPublished(input.campaignId, ctx.now, input.limit);
}
