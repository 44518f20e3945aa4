import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';

/** The public archive: newsletters whose publication time has come, newest first; with `lang`, only those written in it. */
export async function listPublishedNewsletters(ctx: CommandContext, input: { campaignId: string; limit?: number; lang?: Language }): Promise<NewsletterRow[]> {
  return ctx.repos.newsletters.listPublished(input.campaignId, ctx.now, input.limit, input.lang);
}
