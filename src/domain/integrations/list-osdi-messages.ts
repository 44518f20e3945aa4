import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { CampaignOfKey } from '../../db/repositories/integrations-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { matchesOsdiConditions } from './match-osdi-conditions.js';
import { parseOsdiFilter } from './parse-osdi-filter.js';

export type OsdiMessages = { total: number; messages: NewsletterRow[]; campaign: CampaignOfKey; sitePath: string };

/**
 * The key's campaign's newsletters as OSDI messages, for a key with the read scope: those the
 * public site shows (a draft is the organizers' own until published). Newest first.
 */
export async function listOsdiMessages(ctx: CommandContext, input: { token: string | undefined; page: number; perPage: number; filter: string | undefined; messageId?: string }): Promise<OsdiMessages> {
  const conditions = parseOsdiFilter(input.filter);
  const { campaign } = await authorizeApiKey(ctx, input.token, 'messages', input.messageId ? `reading message ${input.messageId}` : 'reading the newsletters');
  const all = await ctx.repos.newsletters.listPublished(campaign.id, ctx.now, 10_000);
  const chosen = all.filter((n) => (input.messageId === undefined || n.id === input.messageId) && matchesOsdiConditions(n, conditions));
  const defaultCampaign = await ctx.repos.campaigns.findDefault();
  return {
    total: chosen.length,
    messages: chosen.slice((input.page - 1) * input.perPage, input.page * input.perPage),
    campaign,
    sitePath: defaultCampaign?.id === campaign.id ? '' : `/c/${campaign.slug}`,
  };
}
