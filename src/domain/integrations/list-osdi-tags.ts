import type { TagRow } from '../../db/repositories/tags-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { parseOsdiFilter } from './parse-osdi-filter.js';

/** A page of the campaign's tags, for a key with the read scope. */
export async function listOsdiTags(ctx: CommandContext, input: { token: string | undefined; page: number; perPage: number; filter: string | undefined }): Promise<{ total: number; rows: TagRow[] }> {
  const conditions = parseOsdiFilter(input.filter);
  const { campaign } = await authorizeApiKey(ctx, input.token, 'tags', 'reading tags');
  return ctx.repos.tags.page(campaign.id, conditions, input.perPage, (input.page - 1) * input.perPage);
}
